namespace DsarEngine.Workflows.Mail;

// Localised e-mail texts. Placeholders are {name}; values come from the stored model plus links derived at
// render time. GDPR Art. 12(1): concise, intelligible, in clear and plain language.
internal static partial class MailTemplates
{
    public const string RequestReceived = "request-received";
    public const string DeadlineExtended = "deadline-extended";
    public const string IdentityChallenge = "identity-challenge";
    public const string RequestRefused = "request-refused";
    public const string ResponseReady = "response-ready";
    public const string RequestReferred = "request-referred";
    public const string PackCode = "pack-code";
    public const string RefusalLetter = "refusal-letter";

    private static readonly Dictionary<(string Template, string Language), (string Subject, string Body)> Texts =
        new(CoreTexts().Concat(DeliveryTexts()));

    private static Dictionary<(string Template, string Language), (string Subject, string Body)> CoreTexts() => new()
    {
        [(RequestReceived, "en")] = (
            "We received your request {reference}",
            """
            Hello{greetingName},

            {organisation} received your {right} request on {receivedOn}. Its reference is {reference}.{routedNote}
            We will answer by {dueOn} at the latest; if we need more time or proof of your identity, we will tell you before then.

            You can follow your request here (keep this link private):
            {statusUrl}

            {organisation}
            """),
        [(RequestReceived, "fr")] = (
            "Nous avons bien reçu votre demande {reference}",
            """
            Bonjour{greetingName},

            {organisation} a reçu votre demande ({right}) le {receivedOn}. Sa référence est {reference}.{routedNote}
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
        // GDPR Art. 12(6): reasonable measures to confirm identity; a one-time link and code sent to the address given.
        [(IdentityChallenge, "en")] = (
            "Please confirm it is you: request {reference}",
            """
            Hello{greetingName},

            To protect your data we must check that the {right} request {reference} comes from you.
            Open this link to confirm (valid until {expiresAt}, once):
            {verifyUrl}

            Or enter this code where asked: {code}

            If you did not make this request, ignore this message and nothing will happen.

            {organisation}
            """),
        [(IdentityChallenge, "fr")] = (
            "Merci de confirmer votre identité : demande {reference}",
            """
            Bonjour{greetingName},

            Pour protéger vos données, nous devons vérifier que la demande ({right}) {reference} vient bien de vous.
            Ouvrez ce lien pour confirmer (valable jusqu'au {expiresAt}, une seule fois) :
            {verifyUrl}

            Ou saisissez ce code lorsqu'il vous est demandé : {code}

            Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien ne se passera.

            {organisation}
            """),
        // GDPR Art. 12(4): reasons for not acting, and the right to complain and to a judicial remedy.
        [(RequestRefused, "en")] = (
            "Your request {reference}: our answer",
            """
            Hello{greetingName},

            We will not act on your {right} request {reference}, received on {receivedOn}.
            Why: {reason}

            You may lodge a complaint with a data protection supervisory authority and seek a judicial remedy.

            {organisation}
            """),
        [(RequestRefused, "fr")] = (
            "Votre demande {reference} : notre réponse",
            """
            Bonjour{greetingName},

            Nous ne donnerons pas suite à votre demande ({right}) {reference}, reçue le {receivedOn}.
            Motif : {reason}

            Vous pouvez introduire une réclamation auprès d'une autorité de contrôle (la CNIL en France) et former un recours juridictionnel.

            {organisation}
            """),
        [(ResponseReady, "en")] = (
            "Your request {reference} is complete",
            """
            Hello{greetingName},

            We have completed your {right} request {reference}. Our answer is available here (keep this link private):
            {packUrl}
            {packNote}

            {organisation}
            """),
        [(ResponseReady, "fr")] = (
            "Votre demande {reference} est traitée",
            """
            Bonjour{greetingName},

            Nous avons traité votre demande ({right}) {reference}. Notre réponse est disponible ici (gardez ce lien pour vous) :
            {packUrl}
            {packNote}

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

    // The sentence a routed acknowledgement adds: the processor written to passed the request to the controller.
    public static string RoutedNote(string language, string processor, string workspace, string controller) => language == "fr"
        ? $" Vous avez écrit à {processor} au sujet de l'espace {workspace} ; {processor} a transmis votre demande à {controller}, responsable de ces données, qui vous répondra."
        : $" You wrote to {processor} about the {workspace} workspace; {processor} passed your request to {controller}, which is responsible for that data and will answer you.";

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
