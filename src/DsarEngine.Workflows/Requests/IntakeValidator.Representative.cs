namespace DsarEngine.Workflows.Requests;

internal static partial class IntakeValidator
{
    // GDPR Art. 12(6) lets the controller ask for what it needs to be sure who is asking: for a person acting for the
    // subject, who they are, how to reach them and how they stand to the subject (the proof itself is a document the
    // form uploads: SubjectForm). CCPA regulations §7063 name the authorised agent.
    private static Representative? ValidateRepresentative(IntakeRepresentative? representative, IntakeErrors errors)
    {
        if (representative is null)
            return null;
        var relationship = representative.Relationship?.Trim();
        if (string.IsNullOrEmpty(relationship))
            errors.Add("representative.relationship", "Required.");
        else if (!Representative.Relationships.Contains(relationship))
            errors.Add("representative.relationship", $"Expected one of: {string.Join(", ", Representative.Relationships)}.");
        var name = representative.Name?.Trim();
        if (string.IsNullOrEmpty(name))
            errors.Add("representative.name", "Required.");
        else if (name.Length > MaxNameLength)
            errors.Add("representative.name", $"At most {MaxNameLength} characters.");
        else if (Mail.MailText.HasUnsafe(name))
            errors.Add("representative.name", "One line of text: no line breaks, tabs or other control characters.");
        var email = representative.Email?.Trim();
        if (string.IsNullOrEmpty(email))
            errors.Add("representative.email", "Required.");
        else if (!ContactFormats.IsEmail(email))
            errors.Add("representative.email", "Not a valid e-mail address.");
        return relationship is null || name is null || email is null ? null : new Representative(relationship, name, email);
    }
}
