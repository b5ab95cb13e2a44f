using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Tests.TestData;

namespace DsarEngine.Workflows.Tests.Requests;

// GDPR Art. 16: a rectification may name its corrections as fields and values, so that connectors can apply them.
public sealed class RectificationChangesTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 10, 0, 0, TimeSpan.Zero);

    private static (NewRequest? Request, Dictionary<string, string[]> Errors) Validate(IntakeForm form)
    {
        var errors = new IntakeErrors();
        var request = IntakeValidator.Validate(form, IntakeOrigin.Public, Now, errors);
        return (request, errors.ToDictionary());
    }

    private static IntakeChange Change(string? field, string? value) => new() { Field = field, Value = value };

    [Test]
    public void Valid_changes_are_kept_in_order_normalised_and_replace_the_need_for_details()
    {
        var (request, errors) = Validate(IntakeForms.Valid("rectification") with
        {
            Details = null, Changes = [Change(" Email ", " zoe.new@example.org "), Change("other-loyalty-tier", "gold")],
        });
        Assert.That(errors, Is.Empty);
        Assert.That(request!.Changes,
            Is.EqualTo(new[] { new RequestedChange("email", "zoe.new@example.org"), new RequestedChange("other-loyalty-tier", "gold") }));
        Assert.That(RequestChanges.Parse(RequestChanges.ToJson(request.Changes)), Is.EqualTo(request.Changes));
    }

    [Test]
    public void A_rectification_with_neither_details_nor_changes_is_refused()
    {
        var (_, errors) = Validate(IntakeForms.Valid("rectification") with { Details = null, Changes = [] });
        Assert.That(errors.Keys, Does.Contain("details"));
    }

    [Test]
    public void Each_bad_change_is_named_by_its_position()
    {
        var (request, errors) = Validate(IntakeForms.Valid("rectification") with
        {
            Changes = [Change("shoe-size", "44"), Change("name", ""), Change("phone", new string('1', 501))],
        });
        Assert.That(request, Is.Null);
        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "changes[0].field", "changes[1].value", "changes[2].value" }));
    }

    [Test]
    public void Changes_belong_to_rectification_only_and_are_limited_in_number()
    {
        var (_, onErasure) = Validate(IntakeForms.Valid("erasure") with { Changes = [Change("name", "Zoë")] });
        var (_, tooMany) = Validate(IntakeForms.Valid("rectification") with
        {
            Changes = [.. Enumerable.Range(0, 21).Select(i => Change("name", $"n{i}"))],
        });
        Assert.That(onErasure.Keys, Is.EqualTo(new[] { "changes" }));
        Assert.That(tooMany.Keys, Is.EqualTo(new[] { "changes" }));
    }

    // GDPR Art. 16, second sentence: completing the data "by means of providing a supplementary statement".
    [Test]
    public void A_supplementary_statement_alone_is_a_rectification_and_is_kept_trimmed()
    {
        var (request, errors) = Validate(IntakeForms.Valid("rectification") with
        {
            Details = null, Changes = [], Statement = "  The debt was settled in 2024.  ",
        });
        Assert.That(errors, Is.Empty);
        Assert.That(request!.Statement, Is.EqualTo("The debt was settled in 2024."));
    }

    [TestCase("erasure", "The debt was settled.")]
    [TestCase("rectification", null)]
    public void A_statement_belongs_to_a_rectification_and_has_a_length(string right, string? statement)
    {
        var (request, errors) = Validate(IntakeForms.Valid(right) with
        {
            Statement = statement ?? new string('x', IntakeValidator.MaxStatementLength + 1),
        });
        Assert.That(request, Is.Null);
        Assert.That(errors.Keys, Does.Contain("statement"));
    }
}
