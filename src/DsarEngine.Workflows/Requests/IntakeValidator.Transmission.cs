namespace DsarEngine.Workflows.Requests;

internal static partial class IntakeValidator
{
    // GDPR Art. 20(2): the subject may ask that the data be transmitted directly to another controller, where technically
    // feasible. The engine's channel is the receiving controller's e-mail address (a link and a one-time code go there),
    // so a name and a valid address are what it needs; anything else is refused here, before anything is stored.
    private static Transmission? ValidateTransmission(IntakeTransmission? transmission, Right? right, IntakeErrors errors)
    {
        if (transmission is null || (string.IsNullOrWhiteSpace(transmission.Controller) && string.IsNullOrWhiteSpace(transmission.Email)))
            return null;
        if (right is not null && right != Right.Portability)
        {
            errors.Add("transmitTo", "Applies only to portability (GDPR Art. 20(2)).");
            return null;
        }
        var controller = transmission.Controller?.Trim();
        if (string.IsNullOrEmpty(controller))
            errors.Add("transmitTo.controller", "Required: the name of the controller to send your data to.");
        else if (controller.Length > MaxNameLength)
            errors.Add("transmitTo.controller", $"At most {MaxNameLength} characters.");
        else if (Mail.MailText.HasUnsafe(controller))
            errors.Add("transmitTo.controller", "One line of text: no line breaks, tabs or other control characters.");
        var email = transmission.Email?.Trim();
        if (string.IsNullOrEmpty(email))
            errors.Add("transmitTo.email", "Required: the controller's e-mail address, where the link and code are sent.");
        else if (!ContactFormats.IsEmail(email))
            errors.Add("transmitTo.email", "Not a valid e-mail address.");
        return string.IsNullOrEmpty(controller) || string.IsNullOrEmpty(email) ? null : new Transmission(controller, email);
    }
}
