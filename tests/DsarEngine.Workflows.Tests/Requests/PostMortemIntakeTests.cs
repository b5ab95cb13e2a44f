using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Tests.TestData;

namespace DsarEngine.Workflows.Tests.Requests;

// Loi Informatique et Libertés art. 85 as structured fields: instructions (action, scope, designee), their revocation,
// and the designee's or an heir's request after death (docs/rights.md#post-mortem-instructions).
public sealed class PostMortemIntakeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 3, 10, 0, 0, TimeSpan.Zero);

    private static (NewRequest? Request, Dictionary<string, string[]> Errors) Validate(IntakeForm form)
    {
        var errors = new IntakeErrors();
        return (IntakeValidator.Validate(form, IntakeOrigin.Public, Now, errors), errors.ToDictionary());
    }

    private static IntakeForm Form(IntakePostMortem postMortem, IntakeRepresentative? representative = null) =>
        IntakeForms.Valid("post-mortem-instructions") with { Details = null, PostMortem = postMortem, Representative = representative };

    [Test]
    public void Instructions_carry_their_action_scope_and_designee_without_free_text()
    {
        var (request, errors) = Validate(Form(new IntakePostMortem
        {
            Kind = "instructions", Action = "communicate", Scope = ["photos", "messages"],
            Designee = new IntakeRepresentative { Name = "Camille Ørsted", Email = "camille@example.org" },
        }));
        Assert.That(errors, Is.Empty);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(request!.PostMortem!.Action, Is.EqualTo("communicate"));
            Assert.That(request.PostMortem.Scope, Is.EqualTo(new[] { "photos", "messages" }));
            Assert.That(request.PostMortem.Designee, Is.EqualTo(new PostMortemDesignee("Camille Ørsted", "camille@example.org")));
        }
    }

    [Test]
    public void Instructions_without_a_scope_cover_all_the_data() =>
        Assert.That(Validate(Form(new IntakePostMortem { Kind = "instructions", Action = "erase" })).Request!.PostMortem!.Scope,
            Is.EqualTo(new[] { "all" }));

    [Test]
    public void An_heirs_request_after_death_names_the_date_of_death_and_the_heir()
    {
        var (request, errors) = Validate(Form(new IntakePostMortem { Kind = "after-death", DiedOn = new DateOnly(2026, 2, 1) },
            new IntakeRepresentative { Relationship = "heir", Name = "Jean Dupont", Email = "jean@example.org" }));
        Assert.That(errors, Is.Empty);
        Assert.That(request!.Representative!.Relationship, Is.EqualTo("heir"));
    }

    [TestCase("instructions", null, null, null, "postMortem.action")]
    [TestCase("later", null, null, null, "postMortem.kind")]
    [TestCase("revocation", "erase", null, null, "postMortem.action")]
    [TestCase("after-death", null, null, "heir", "postMortem.diedOn")]
    [TestCase("after-death", null, "2027-01-01", "heir", "postMortem.diedOn")]
    [TestCase("after-death", null, "2026-02-01", null, "representative.relationship")]
    [TestCase("instructions", "erase", null, "designee", "representative.relationship")]
    public void A_post_mortem_request_missing_what_its_kind_needs_is_refused_by_field(
        string kind, string? action, string? diedOn, string? relationship, string field)
    {
        var form = Form(new IntakePostMortem
        {
            Kind = kind, Action = action,
            DiedOn = diedOn is null ? null : DateOnly.Parse(diedOn, System.Globalization.CultureInfo.InvariantCulture),
        }, relationship is null ? null : new IntakeRepresentative { Relationship = relationship, Name = "Jean", Email = "j@example.org" });
        var (request, errors) = Validate(form);
        Assert.That(request, Is.Null);
        Assert.That(errors.Keys, Does.Contain(field));
    }

    [Test]
    public void Post_mortem_fields_belong_to_post_mortem_requests_only()
    {
        var (request, errors) = Validate(IntakeForms.Valid("access") with { PostMortem = new IntakePostMortem { Kind = "revocation" } });
        Assert.That(request, Is.Null);
        Assert.That(errors.Keys, Does.Contain("postMortem"));
    }
}
