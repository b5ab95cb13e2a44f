using DsarEngine.Workflows.Mail;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Server.Children;

// What staff (POST /api/v1/staff/children) or a connector (ChildDataFound on the bus) report: whose data it is, how the
// organisation knows the subject is a child (a birth date, or an age), and the parent or guardian when known.
internal sealed record ChildReportBody
{
    // Optional; when given it must be the reporter's own organisation (the tenant always comes from the credential).
    public string? Tenant { get; init; }
    public IntakeSubject? Subject { get; init; }
    public DateOnly? BirthDate { get; init; }
    public int? Age { get; init; }
    public ChildParentBody? Parent { get; init; }
    // The language of the request and of the parent's notice; the organisation's default when absent.
    public string? Language { get; init; }
}

internal sealed record ChildParentBody
{
    public string? Name { get; init; }
    public string? Email { get; init; }
}

internal static class ChildReportChecks
{
    // The subject's age on `today`, from the birth date when given, else the age stated; errors name the field, never its value.
    public static int? Age(ChildReportBody body, DateOnly today, Dictionary<string, string[]> errors)
    {
        if (body.BirthDate is { } born)
        {
            if (born > today)
                errors["birthDate"] = ["Cannot be in the future."];
            else if (today.Year - born.Year > 120)
                errors["birthDate"] = ["Not a plausible birth date."];
            else
                return today.Year - born.Year - (today < born.AddYears(today.Year - born.Year) ? 1 : 0);
            return null;
        }
        if (body.Age is { } age)
        {
            if (age is < 0 or > 120)
                errors["age"] = ["Between 0 and 120."];
            else
                return age;
            return null;
        }
        errors["birthDate"] = ["Give the child's birth date (YYYY-MM-DD) or, when it is not known, their age in years (age)."];
        return null;
    }

    public static void Parent(ChildParentBody? parent, Dictionary<string, string[]> errors)
    {
        if (parent is null)
            return;
        if (string.IsNullOrWhiteSpace(parent.Email) || !ContactFormats.IsEmail(parent.Email.Trim()))
            errors["parent.email"] = ["Required with a parent: a valid e-mail address, to tell them of the erasure."];
        if (parent.Name is { } name && (name.Length > IntakeValidator.MaxNameLength || MailText.HasUnsafe(name)))
            errors["parent.name"] = [$"One line of text, at most {IntakeValidator.MaxNameLength} characters."];
    }
}
