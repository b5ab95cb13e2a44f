using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Tests.TestData;

namespace DsarEngine.Workflows.Tests.Requests;

public sealed class IntakeValidatorTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 10, 0, 0, TimeSpan.Zero);

    private static (NewRequest? Request, Dictionary<string, string[]> Errors) Validate(
        IntakeForm form, IntakeOrigin origin = IntakeOrigin.Public)
    {
        var errors = new IntakeErrors();
        var request = IntakeValidator.Validate(form, origin, Now, errors);
        return (request, errors.ToDictionary());
    }

    [TestCase("access", nameof(Right.Access))]
    [TestCase("rectification", nameof(Right.Rectification))]
    [TestCase("erasure", nameof(Right.Erasure))]
    [TestCase("restriction", nameof(Right.Restriction))]
    [TestCase("portability", nameof(Right.Portability))]
    [TestCase("objection", nameof(Right.Objection))]
    [TestCase("consent-withdrawal", nameof(Right.ConsentWithdrawal))]
    [TestCase("post-mortem-instructions", nameof(Right.PostMortemInstructions))]
    [TestCase("appeal", nameof(Right.Appeal))]
    public void Every_right_is_accepted_with_a_complete_submission(string slug, string right)
    {
        var expected = Enum.Parse<Right>(right);
        var (request, errors) = Validate(IntakeForms.Valid(slug));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors, Is.Empty);
            Assert.That(request!.Right, Is.EqualTo(expected));
            Assert.That(request.Channel, Is.EqualTo(Channel.Api));
        }
    }

    // Security review M8: the controller channel starts identity-verified and mails the subject nothing, so staff may not
    // pick it; only the OpenDSR intake (an authenticated controller) uses it, and always does.
    [TestCase(nameof(IntakeOrigin.Staff), "controller", false)]
    [TestCase(nameof(IntakeOrigin.Public), "controller", false)]
    [TestCase(nameof(IntakeOrigin.Controller), "controller", true)]
    [TestCase(nameof(IntakeOrigin.Controller), "email", false)]
    [TestCase(nameof(IntakeOrigin.Staff), "email", true)]
    public void Only_a_controller_forwarding_over_OpenDSR_uses_the_controller_channel(string origin, string channel, bool accepted)
    {
        var (request, errors) = Validate(IntakeForms.Valid() with { Channel = channel }, Enum.Parse<IntakeOrigin>(origin));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(request is not null, Is.EqualTo(accepted), string.Join("; ", errors.SelectMany(e => e.Value)));
            Assert.That(errors.ContainsKey("channel"), Is.EqualTo(!accepted));
        }
    }

    [Test]
    public void An_empty_submission_names_every_missing_field_at_once()
    {
        var (request, errors) = Validate(new IntakeForm());
        Assert.That(request, Is.Null);
        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "tenant", "right", "subject" }));
    }

    [TestCase("ada@")]
    [TestCase("ada@example")]
    [TestCase("Ada <ada@example.org>")]
    [TestCase("ada @example.org")]
    [TestCase("ada@.example.org")]
    public void An_invalid_email_is_refused(string email)
    {
        var form = IntakeForms.Valid() with { Subject = IntakeForms.Valid().Subject! with { Email = email } };
        var (_, errors) = Validate(form);
        Assert.That(errors["subject.email"], Is.EqualTo(new[] { "Not a valid e-mail address." }));
    }

    // Review L5: the name greets the subject in the organisation's e-mails; it cannot carry lines of its own.
    [TestCase("Ada\nhttp://evil.example")]
    [TestCase("Ada\r\nLovelace")]
    [TestCase("Ada\u0085Lovelace")]
    [TestCase("Ada\u2029Lovelace")]
    [TestCase("Ada\u0000")]
    [TestCase("\u202EAda")]
    public void A_name_with_line_breaks_or_control_characters_is_a_field_error(string name)
    {
        var form = IntakeForms.Valid() with { Subject = IntakeForms.Valid().Subject! with { Name = name } };
        var (request, errors) = Validate(form);
        Assert.That(request, Is.Null);
        Assert.That(errors["subject.name"], Is.EqualTo(new[] { "One line of text: no line breaks, tabs or other control characters." }));
    }

    [TestCase("Zoë Ørsted-Müller")]
    [TestCase("李小龍")]
    [TestCase("O'Brien, Jr.")]
    public void A_name_in_any_script_on_one_line_is_accepted(string name)
    {
        var (request, errors) = Validate(IntakeForms.Valid() with { Subject = IntakeForms.Valid().Subject! with { Name = name } });
        Assert.That(errors, Is.Empty);
        Assert.That(request!.Subject.Name, Is.EqualTo(name));
    }

    [Test]
    public void An_unknown_right_lists_the_known_ones()
    {
        var (_, errors) = Validate(IntakeForms.Valid() with { Right = "forget-me" });
        Assert.That(errors["right"][0], Does.StartWith("Unknown right 'forget-me'").And.Contain("consent-withdrawal"));
    }

    [Test]
    public void An_objection_needs_the_purpose_objected_to()
    {
        var (_, errors) = Validate(IntakeForms.Valid("objection") with { Purpose = null });
        Assert.That(errors["purpose"][0], Does.Contain("direct-marketing"));
    }

    // GDPR Art. 22(3): the subject names the decision and gives their point of view; staff read both in the details.
    [Test]
    public void A_review_of_an_automated_decision_needs_the_decision_and_the_subjects_point_of_view()
    {
        var (missing, errors) = Validate(IntakeForms.Valid("automated-decision-review"));
        var (request, none) = Validate(IntakeForms.Valid("automated-decision-review") with
        {
            Details = "Please call me.",
            AutomatedDecision = new IntakeAutomatedDecision { Decision = "Loan 1234 refused", PointOfView = "My income was misread." },
        });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(missing, Is.Null);
            Assert.That(errors.Keys, Is.EquivalentTo(new[] { "automatedDecision.decision", "automatedDecision.pointOfView" }));
            Assert.That(none, Is.Empty);
            Assert.That(request!.Right, Is.EqualTo(Right.AutomatedDecisionReview));
            Assert.That(request.Details, Is.EqualTo("Decision to review: Loan 1234 refused\nContested by the subject: yes\n"
                + "Point of view: My income was misread.\n\nPlease call me."));
        }
    }

    [Test]
    public void An_automated_decision_on_another_right_is_refused()
    {
        var (_, errors) = Validate(IntakeForms.Valid() with { AutomatedDecision = new IntakeAutomatedDecision { Decision = "x" } });
        Assert.That(errors["automatedDecision"], Is.EqualTo(new[] { "Only for automated-decision-review requests." }));
    }

    [Test]
    public void A_purpose_on_an_access_request_is_refused()
    {
        var (_, errors) = Validate(IntakeForms.Valid() with { Purpose = "profiling" });
        Assert.That(errors["purpose"], Is.EqualTo(new[] { "Applies only to objection and consent-withdrawal." }));
    }

    [Test]
    public void Rectification_needs_details_of_what_is_wrong()
    {
        var (_, errors) = Validate(IntakeForms.Valid("rectification") with { Details = "  " });
        Assert.That(errors["details"][0], Does.Contain("Art. 16"));
    }

    [Test]
    public void Details_longer_than_the_limit_are_refused()
    {
        var (_, errors) = Validate(IntakeForms.Valid() with { Details = new string('x', IntakeValidator.MaxDetailsLength + 1) });
        Assert.That(errors, Does.ContainKey("details"));
    }

    [Test]
    public void Identity_errors_point_at_the_exact_entry()
    {
        var subject = IntakeForms.Valid().Subject! with
        {
            Identities =
            [
                new IntakeIdentity { Type = "customer-id", Value = "C-1" }, new IntakeIdentity { Type = "shoe-size", Value = "" },
                new IntakeIdentity { Type = "phone", Value = "0612" },
            ],
        };
        var (_, errors) = Validate(IntakeForms.Valid() with { Subject = subject });
        Assert.That(errors.Keys,
            Is.EquivalentTo(new[] { "subject.identities[1].type", "subject.identities[1].value", "subject.identities[2].value" }));
    }

    [Test]
    public void Languages_are_normalised_to_their_primary_subtag_and_unsupported_ones_refused()
    {
        Assert.That(Validate(IntakeForms.Valid() with { Language = "FR-be" }).Request!.Language, Is.EqualTo("fr"));
        Assert.That(Validate(IntakeForms.Valid() with { Language = "tlh" }).Errors, Does.ContainKey("language"));
    }

    // GDPR Art. 12(1): a Russian-speaking subject is answered in Russian, whether the form sends "ru" or a full tag.
    [TestCase("ru")]
    [TestCase("ru-RU")]
    [TestCase("RU-by")]
    public void Russian_is_accepted_as_a_language_of_its_own(string tag) =>
        Assert.That(Validate(IntakeForms.Valid() with { Language = tag }).Request!.Language, Is.EqualTo("ru"));

    [TestCase("fr", "FR")]
    [TestCase("gb-sct", "GB-SCT")]
    [TestCase("US-CA", "US-CA")]
    public void Jurisdictions_are_normalised(string given, string stored) =>
        Assert.That(Validate(IntakeForms.Valid() with { Jurisdiction = given }).Request!.Jurisdiction, Is.EqualTo(stored));

    [TestCase("France")]
    [TestCase("F")]
    [TestCase("FR-")]
    public void Malformed_jurisdictions_are_refused(string given) =>
        Assert.That(Validate(IntakeForms.Valid() with { Jurisdiction = given }).Errors, Does.ContainKey("jurisdiction"));
}
