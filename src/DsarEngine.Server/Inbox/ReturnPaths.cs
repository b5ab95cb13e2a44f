namespace DsarEngine.Server.Inbox;

// Where to go after signing in: only a path inside the inbox. An address elsewhere would make sign-in an open redirect.
internal static class ReturnPaths
{
    public static string Local(string? url) =>
        url is { Length: > 0 } && url.StartsWith("/inbox", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal)
            && !url.Contains('\\', StringComparison.Ordinal)
            ? url : "/inbox";
}
