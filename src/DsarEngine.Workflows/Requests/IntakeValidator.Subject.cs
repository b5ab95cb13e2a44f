using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Workflows.Requests;

internal static partial class IntakeValidator
{
    private static Subject? ValidateSubject(IntakeSubject? subject, Channel? channel, IntakeErrors errors)
    {
        if (subject is null)
        {
            errors.Add("subject", "Required: who the request is about (at least an e-mail address).");
            return null;
        }

        var email = string.IsNullOrWhiteSpace(subject.Email) ? null : subject.Email.Trim();
        // The response is delivered through a link sent by e-mail, so a request made online needs an address;
        // a letter or a phone call may come with a postal address or a customer number instead.
        var offline = channel is Channel.Post or Channel.Phone or Channel.InPerson or Channel.Controller;
        if (email is null && !offline)
            errors.Add("subject.email", "Required.");
        else if (email is not null && !ContactFormats.IsEmail(email))
            errors.Add("subject.email", "Not a valid e-mail address.");

        var name = string.IsNullOrWhiteSpace(subject.Name) ? null : subject.Name.Trim();
        if (name is { Length: > MaxNameLength })
            errors.Add("subject.name", $"At most {MaxNameLength} characters.");
        // The name greets the subject in the organisation's e-mails: no line breaks or control characters with
        // which a stranger could write their own lines into a message sent in the organisation's name (review L5).
        else if (name is not null && Mail.MailText.HasUnsafe(name))
            errors.Add("subject.name", "One line of text: no line breaks, tabs or other control characters.");

        var identities = ValidateIdentities(subject.Identities ?? [], errors);
        if (offline && email is null && identities.Count == 0)
            errors.Add("subject",
                "Give an e-mail address or at least one identity (postal address, customer id, ...) to find and answer the subject.");
        return new Subject(email, name, identities);
    }

    private static List<KnownIdentity> ValidateIdentities(IReadOnlyList<IntakeIdentity> identities, IntakeErrors errors)
    {
        if (identities.Count > MaxIdentities)
        {
            errors.Add("subject.identities", $"At most {MaxIdentities} identities.");
            return [];
        }
        var valid = new List<KnownIdentity>(identities.Count);
        for (var i = 0; i < identities.Count; i++)
        {
            var field = $"subject.identities[{i}]";
            var type = identities[i]?.Type?.Trim();
            var value = identities[i]?.Value?.Trim();
            if (string.IsNullOrEmpty(type))
                errors.Add($"{field}.type", "Required.");
            else if (!SubjectIdentityTypes.All.Contains(type))
                errors.Add($"{field}.type",
                    $"Unknown identity type '{type}'. Expected one of: {string.Join(", ", SubjectIdentityTypes.All)}.");
            if (string.IsNullOrEmpty(value))
                errors.Add($"{field}.value", "Required.");
            else if (value.Length > MaxIdentityValueLength)
                errors.Add($"{field}.value", $"At most {MaxIdentityValueLength} characters.");
            else if (type == SubjectIdentityTypes.Email && !ContactFormats.IsEmail(value))
                errors.Add($"{field}.value", "Not a valid e-mail address.");
            else if (type == SubjectIdentityTypes.Phone && !ContactFormats.IsPhone(value))
                errors.Add($"{field}.value", "Not a valid phone number: use the international form, e.g. +33 6 12 34 56 78.");
            if (!string.IsNullOrEmpty(type) && !string.IsNullOrEmpty(value))
                valid.Add(new KnownIdentity(type, value));
        }
        return valid;
    }
}
