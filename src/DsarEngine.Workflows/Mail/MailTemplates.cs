namespace DsarEngine.Workflows.Mail;

// Localised e-mail texts. Placeholders are {name}; values come from the stored model plus links derived at
// render time. GDPR Art. 12(1): concise, intelligible, in clear and plain language.
internal static class MailTemplates
{
    public const string RequestReceived = "request-received";

    private static readonly Dictionary<(string Template, string Language), (string Subject, string Body)> Texts = new()
    {
        [(RequestReceived, "en")] = (
            "We received your request {reference}",
            """
            Hello{greetingName},

            {organisation} received your {right} request on {receivedOn}. Its reference is {reference}.
            We will answer by {dueOn} at the latest; if we need more time or proof of your identity, we will tell you before then.

            You can follow your request here (keep this link private):
            {statusUrl}

            {organisation}
            """),
        [(RequestReceived, "fr")] = (
            "Nous avons bien reçu votre demande {reference}",
            """
            Bonjour{greetingName},

            {organisation} a reçu votre demande ({right}) le {receivedOn}. Sa référence est {reference}.
            Nous vous répondrons au plus tard le {dueOn} ; s'il nous faut plus de temps ou une preuve de votre identité, nous vous le dirons avant cette date.

            Vous pouvez suivre votre demande ici (gardez ce lien pour vous) :
            {statusUrl}

            {organisation}
            """),
    };

    private static readonly Dictionary<(string Right, string Language), string> RightNames = new()
    {
        [("access", "fr")] = "droit d'accès", [("rectification", "fr")] = "rectification", [("erasure", "fr")] = "effacement",
        [("restriction", "fr")] = "limitation du traitement", [("portability", "fr")] = "portabilité",
        [("objection", "fr")] = "opposition", [("consent-withdrawal", "fr")] = "retrait du consentement",
        [("post-mortem-instructions", "fr")] = "directives post mortem",
        [("access", "en")] = "access", [("rectification", "en")] = "rectification", [("erasure", "en")] = "erasure",
        [("restriction", "en")] = "restriction of processing", [("portability", "en")] = "data portability",
        [("objection", "en")] = "objection", [("consent-withdrawal", "en")] = "consent withdrawal",
        [("post-mortem-instructions", "en")] = "post-mortem instructions",
    };

    public static bool Exists(string template, string language) => Texts.ContainsKey((template, language));

    public static string RightName(string right, string language) =>
        RightNames.TryGetValue((right, language), out var name) ? name : right;

    public static (string Subject, string Body) Render(string template, string language, IReadOnlyDictionary<string, string> values)
    {
        if (!Texts.TryGetValue((template, language), out var text) && !Texts.TryGetValue((template, "en"), out text))
            throw new InvalidOperationException($"No mail template '{template}'.");
        return (Fill(text.Subject, values), Fill(text.Body, values));
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (key, value) in values)
            text = text.Replace("{" + key + "}", value, StringComparison.Ordinal);
        return text;
    }
}
