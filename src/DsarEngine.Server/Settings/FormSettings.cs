using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Server.Settings;

// An identity the public form asks for besides the e-mail address, and whether the subject must give it.
internal sealed record FormIdentity(string Type, bool Required);

// What the organisation's public request form offers (issue 14's form renders it): the rights it lists, the identities it
// asks for (the e-mail address always: the answer is delivered through a link sent to it), the languages the subject may
// choose, and the origins (web sites) allowed to post it from a browser.
internal sealed record FormSettings(string[] Rights, FormIdentity[] Identities, string[] Languages, string[] AllowedOrigins)
{
    // Identities the form may ask for on top of the e-mail address: ones a subject knows by heart or from a bill.
    public static readonly IReadOnlyList<string> OptionalIdentities = [SubjectIdentityTypes.CustomerId, SubjectIdentityTypes.Phone];

    // The rights the form has fields for: every right but an appeal, which starts from the refused request, never alone.
    public static readonly IReadOnlyList<string> Offerable = Workflows.Requests.Rights.FormSlugs;

    // Until an admin saves the form: every right it can offer and every language the engine writes in, the e-mail address only.
    public static FormSettings Default(string[] allowedOrigins) =>
        new([.. Offerable], [], [.. Workflows.Requests.Languages.Supported.Order(StringComparer.Ordinal)],
            allowedOrigins);
}
