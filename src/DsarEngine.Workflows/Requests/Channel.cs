namespace DsarEngine.Workflows.Requests;

// How a request reached the controller. GDPR sets no form requirement (EDPB Guidelines 01/2022 §52):
// a request by post or phone is as valid as one through the form, so staff can log those.
internal enum Channel
{
    WebForm,
    Api,
    Email,
    Post,
    Phone,
    InPerson,
    // A controller forwarded the request to this organisation as its processor (GDPR Art. 28(3)(e), e.g. over
    // OpenDSR): the controller verified the subject and answers them, so the processor neither mails nor challenges them.
    Controller,
}

internal static class Channels
{
    private static readonly Dictionary<string, Channel> BySlug = new(StringComparer.Ordinal)
    {
        ["web-form"] = Channel.WebForm,
        ["api"] = Channel.Api,
        ["email"] = Channel.Email,
        ["post"] = Channel.Post,
        ["phone"] = Channel.Phone,
        ["in-person"] = Channel.InPerson,
        ["controller"] = Channel.Controller,
    };

    // Channels a subject can use directly; the others are logged by staff with their real receipt time.
    public static readonly IReadOnlySet<Channel> Public = new HashSet<Channel> { Channel.WebForm, Channel.Api };

    public static IReadOnlyCollection<string> Slugs => BySlug.Keys;

    public static bool TryParse(string? slug, out Channel channel) =>
        BySlug.TryGetValue(slug ?? string.Empty, out channel);

    public static string ToSlug(this Channel channel) => BySlug.First(pair => pair.Value == channel).Key;
}
