namespace DsarEngine.Workflows.Definitions.Schema;

// JSON Pointers (RFC 6901) for error paths: "" is the document itself, "/steps/3/action" a member inside it.
internal static class JsonPointer
{
    public static string Append(string pointer, string token) =>
        $"{pointer}/{token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";

    public static string Append(string pointer, int index) => $"{pointer}/{index}";

    public static string Unescape(string token) =>
        token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
