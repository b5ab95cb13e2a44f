namespace DsarEngine.Workflows.Requests;

internal static class JurisdictionFormat
{
    // ISO 3166-1 alpha-2 ("FR"), optionally with an ISO 3166-2 subdivision ("GB-SCT", "FR-57", "US-CA").
    public static bool IsValid(string code) =>
        code.Length is 2 or >= 4 and <= 6
        && char.IsAsciiLetterUpper(code[0]) && char.IsAsciiLetterUpper(code[1])
        && (code.Length == 2
            || (code[2] == '-' && code[3..].All(char.IsAsciiLetterOrDigit) && code[3..].All(c => !char.IsAsciiLetterLower(c))));
}
