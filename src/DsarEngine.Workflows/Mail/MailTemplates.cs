namespace DsarEngine.Workflows.Mail;

// Localised e-mail texts. Placeholders are {name}; values come from the stored model plus links derived at
// render time. GDPR Art. 12(1): concise, intelligible, in clear and plain language.
internal static class MailTemplates
{
    public const string RequestReceived = "request-received";
    public const string DeadlineExtended = "deadline-extended";

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
        // GDPR Art. 12(3): the subject is told of the extension, with the reasons, within the first month.
        [(DeadlineExtended, "en")] = (
            "We need more time to answer your request {reference}",
            """
            Hello{greetingName},

            Your {right} request {reference}, received on {receivedOn}, needs more time than the law's first period allows.
            Why: {reason}

            We will answer by {dueOn} at the latest (GDPR Art. 12(3) allows two further months where a request is complex or one of many).
            You can follow your request here: {statusUrl}

            If you disagree, you may complain to the data protection authority.

            {organisation}
            """),
        [(DeadlineExtended, "fr")] = (
            "Nous avons besoin de plus de temps pour votre demande {reference}",
            """
            Bonjour{greetingName},

            Votre demande ({right}) {reference}, reçue le {receivedOn}, nécessite plus de temps que le premier délai légal.
            Motif : {reason}

            Nous vous répondrons au plus tard le {dueOn} (l'article 12, paragraphe 3, du RGPD permet de prolonger de deux mois lorsqu'une demande est complexe ou que les demandes sont nombreuses).
            Vous pouvez suivre votre demande ici : {statusUrl}

            Si vous n'êtes pas d'accord, vous pouvez introduire une réclamation auprès de l'autorité de protection des données (la CNIL en France).

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
