using System.Net.Mail;
using System.Text.RegularExpressions;

namespace DsarEngine.Workflows.Requests;

internal static partial class ContactFormats
{
    // RFC 5321 limits a path to 254 characters; MailAddress accepts display names and comments, which a
    // bare address field must not contain, hence the extra checks.
    public static bool IsEmail(string value) =>
        value.Length <= 254
        && !value.Any(char.IsWhiteSpace)
        && MailAddress.TryCreate(value, out var parsed)
        && parsed.Address == value
        && parsed.Host.Contains('.', StringComparison.Ordinal)
        && !parsed.Host.StartsWith('.') && !parsed.Host.EndsWith('.');

    // E.164: a plus sign and up to 15 digits; spaces, dots and dashes are tolerated for readability.
    public static bool IsPhone(string value) => PhoneRegex().IsMatch(value);

    [GeneratedRegex(@"^\+[1-9](?:[ .-]?\d){6,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneRegex();
}
