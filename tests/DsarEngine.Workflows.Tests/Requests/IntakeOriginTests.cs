using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Tests.TestData;

namespace DsarEngine.Workflows.Tests.Requests;

public sealed class IntakeOriginTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 10, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string[]> Errors(IntakeForm form, IntakeOrigin origin)
    {
        var errors = new IntakeErrors();
        IntakeValidator.Validate(form, origin, Now, errors);
        return errors.ToDictionary();
    }

    [Test]
    public void A_subject_cannot_backdate_a_submission() =>
        Assert.That(Errors(IntakeForms.Valid() with { ReceivedAt = Now.AddDays(-3) }, IntakeOrigin.Public), Does.ContainKey("receivedAt"));

    [Test]
    public void A_subject_cannot_claim_to_have_written_by_post() =>
        Assert.That(Errors(IntakeForms.Valid() with { Channel = "post" }, IntakeOrigin.Public)["channel"][0],
            Does.StartWith("Only web-form and api"));

    [Test]
    public void Staff_log_a_letter_with_its_real_receipt_time()
    {
        var errors = new IntakeErrors();
        var request = IntakeValidator.Validate(IntakeForms.Valid() with { Channel = "post", ReceivedAt = Now.AddDays(-3) },
            IntakeOrigin.Staff, Now, errors);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors.Any, Is.False);
            Assert.That(request!.Channel, Is.EqualTo(Channel.Post));
            Assert.That(request.ReceivedAt, Is.EqualTo(Now.AddDays(-3)));
        }
    }

    [Test]
    public void Staff_must_say_how_the_request_arrived() =>
        Assert.That(Errors(IntakeForms.Valid(), IntakeOrigin.Staff), Does.ContainKey("channel"));

    [Test]
    public void A_receipt_time_in_the_future_is_refused() =>
        Assert.That(Errors(IntakeForms.Valid() with { Channel = "email", ReceivedAt = Now.AddHours(1) }, IntakeOrigin.Staff)["receivedAt"],
            Is.EqualTo(new[] { "Cannot be in the future." }));

    [Test]
    public void A_letter_without_an_email_needs_another_way_to_find_the_subject()
    {
        var subject = new IntakeSubject { Name = "Jeanne Martin" };
        var errors = Errors(IntakeForms.Valid() with { Channel = "post", Subject = subject }, IntakeOrigin.Staff);
        Assert.That(errors["subject"][0], Does.Contain("postal address"));
        var withAddress = subject with { Identities = [new IntakeIdentity { Type = "postal-address", Value = "1 rue de la Paix, Paris" }] };
        Assert.That(Errors(IntakeForms.Valid() with { Channel = "post", Subject = withAddress }, IntakeOrigin.Staff), Is.Empty);
    }
}
