using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Tests.TestData;

namespace DsarEngine.Workflows.Tests.Requests;

// GDPR Art. 20(2): a portability subject may name a controller to send the data to; the engine needs its name and the
// address its link and code go to, and refuses the field for any other right.
public sealed class TransmissionIntakeTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 10, 0, 0, TimeSpan.Zero);

    private static (NewRequest? Request, Dictionary<string, string[]> Errors) Validate(IntakeForm form)
    {
        var errors = new IntakeErrors();
        var request = IntakeValidator.Validate(form, IntakeOrigin.Public, Now, errors);
        return (request, errors.ToDictionary());
    }

    [Test]
    public void A_portability_request_keeps_the_receiving_controller()
    {
        var (request, errors) = Validate(IntakeForms.Valid("portability") with
        {
            TransmitTo = new IntakeTransmission { Controller = "  Next Bank SA ", Email = " dpo@nextbank.example " },
        });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors, Is.Empty);
            Assert.That(request!.TransmitTo, Is.EqualTo(new Transmission("Next Bank SA", "dpo@nextbank.example")));
        }
    }

    [Test]
    public void Another_right_cannot_ask_for_a_direct_transmission()
    {
        var (request, errors) = Validate(IntakeForms.Valid("access") with
        {
            TransmitTo = new IntakeTransmission { Controller = "Next Bank SA", Email = "dpo@nextbank.example" },
        });
        Assert.That(request, Is.Null);
        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "transmitTo" }));
    }

    [TestCase("Next Bank SA", "not an address", "transmitTo.email")]
    [TestCase("", "dpo@nextbank.example", "transmitTo.controller")]
    [TestCase("Next\nBank", "dpo@nextbank.example", "transmitTo.controller")]
    public void A_receiving_controller_without_a_name_or_a_valid_address_is_refused(string controller, string email, string field)
    {
        var (request, errors) = Validate(IntakeForms.Valid("portability") with
        {
            TransmitTo = new IntakeTransmission { Controller = controller, Email = email },
        });
        Assert.That(request, Is.Null);
        Assert.That(errors.Keys, Is.EquivalentTo(new[] { field }));
    }

    [Test]
    public void Empty_transmission_fields_are_no_transmission()
    {
        var (request, errors) = Validate(IntakeForms.Valid("portability") with
        {
            TransmitTo = new IntakeTransmission { Controller = " ", Email = "" },
        });
        Assert.That(errors, Is.Empty);
        Assert.That(request!.TransmitTo, Is.Null);
    }
}
