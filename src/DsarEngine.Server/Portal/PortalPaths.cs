namespace DsarEngine.Server.Portal;

// The portal's addresses. Only the public reference is in them (and the status token on the way in, once): nothing personal.
internal static class PortalPaths
{
    public static string Page(string reference) => $"/portal/{reference}";

    public static string Identity(string reference) => $"{Page(reference)}/identity";

    public static string Answer(string reference) => $"{Page(reference)}/answer";

    public static string Reply(string reference) => $"{Page(reference)}/reply";

    public static string Withdraw(string reference) => $"{Page(reference)}/withdraw";

    public static string Appeal(string reference) => $"{Page(reference)}/appeal";

    public static string Download(string reference, string part) => $"{Answer(reference)}/{part}";
}
