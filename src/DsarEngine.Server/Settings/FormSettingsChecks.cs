using DsarEngine.Workflows.Requests;

namespace DsarEngine.Server.Settings;

// Every field at once, each refusal naming its field; nothing is stored unless all pass.
internal static class FormSettingsChecks
{
    public const int MaxOrigins = 20;

    public static Dictionary<string, string[]> Problems(FormSettings? form, string defaultLanguage)
    {
        if (form is null)
            return new() { ["(root)"] = ["The form settings: rights, identities, languages and allowedOrigins."] };
        var errors = new Dictionary<string, string[]>();
        var rights = form.Rights ?? [];
        if (rights.Length == 0)
            errors["rights"] = ["Offer at least one right."];
        else if (rights.FirstOrDefault(r => !Rights.TryParse(r, out _)) is { } unknown)
            errors["rights"] = [$"Unknown right '{unknown}': expected some of {string.Join(", ", Rights.Slugs)}."];
        else if (rights.FirstOrDefault(r => !FormSettings.Offerable.Contains(r)) is { } notOnForm)
            errors["rights"] =
                [$"'{notOnForm}' is not on the public form: an appeal starts from the refused request (the portal's button or the API)."];
        else if (rights.Distinct(StringComparer.Ordinal).Count() != rights.Length)
            errors["rights"] = ["Each right once."];
        var identities = form.Identities ?? [];
        if (identities.FirstOrDefault(i => i is null || !FormSettings.OptionalIdentities.Contains(i.Type)) is { } odd)
            errors["identities"] = [$"Unknown identity '{odd?.Type}': the form may ask for " +
                $"{string.Join(", ", FormSettings.OptionalIdentities)} (the e-mail address is always asked for)."];
        else if (identities.Select(i => i.Type).Distinct(StringComparer.Ordinal).Count() != identities.Length)
            errors["identities"] = ["Each identity once."];
        var languages = form.Languages ?? [];
        if (languages.Length == 0)
            errors["languages"] = ["Offer at least one language."];
        else if (languages.FirstOrDefault(l => !Languages.Supported.Contains(l)) is { } language)
            errors["languages"] = [$"The engine writes letters in " +
                $"{string.Join(", ", Languages.Supported.Order(StringComparer.Ordinal))}; '{language}' is not one of them."];
        else if (languages.Distinct(StringComparer.Ordinal).Count() != languages.Length)
            errors["languages"] = ["Each language once."];
        else if (!languages.Contains(defaultLanguage))
            errors["languages"] = [$"Include the organisation's default language '{defaultLanguage}': requests without a choice use it."];
        if (OriginProblem(form.AllowedOrigins ?? []) is { } origins)
            errors["allowedOrigins"] = [origins];
        return errors;
    }

    // An origin is what a browser sends in its Origin header: scheme://host[:port], lower case, no path or trailing slash.
    // Plain http only for this machine: a form on any other site must be served over https.
    private static string? OriginProblem(string[] origins)
    {
        if (origins.Length > MaxOrigins)
            return $"At most {MaxOrigins} origins.";
        foreach (var origin in origins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || origin.EndsWith('/')
                || uri.PathAndQuery != "/" || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
                return $"'{origin}' is not an origin: write scheme://host[:port] with no path, e.g. https://www.example.org.";
            if (uri.Scheme == "http" && !uri.IsLoopback)
                return $"'{origin}' is plain http: only https origins may post the form (http only for localhost).";
            if (!string.Equals(origin, uri.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal))
                return $"'{origin}' is not written as browsers send it: use '{uri.GetLeftPart(UriPartial.Authority)}'.";
        }
        if (origins.Distinct(StringComparer.OrdinalIgnoreCase).Count() != origins.Length)
            return "Each origin once.";
        return null;
    }
}
