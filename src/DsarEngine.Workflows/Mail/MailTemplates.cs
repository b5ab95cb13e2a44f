namespace DsarEngine.Workflows.Mail;

// The e-mails the engine sends: their names, and how a localised text is found and filled. The texts themselves are in
// ProgressMailTexts (while the request runs), AnswerMailTexts (the answer), ConversationMailTexts (the inbox's
// messages) and WithdrawalMailTexts (the subject withdrew the request), in English and French; RussianMailTexts has all
// of them in Russian; StaffMailTexts, for staff, English. Placeholders are {name}; values come from the stored model plus
// links derived at render time.
// GDPR Art. 12(1): concise, intelligible, in clear and plain language.
internal static partial class MailTemplates
{
    public const string RequestReceived = "request-received";
    public const string DeadlineExtended = "deadline-extended";
    public const string IdentityChallenge = "identity-challenge";
    public const string RequestRefused = "request-refused";
    public const string RequestWithdrawn = "request-withdrawn";
    public const string ResponseReady = "response-ready";
    public const string RequestReferred = "request-referred";
    public const string PackCode = "pack-code";
    public const string RefusalLetter = "refusal-letter";
    public const string SubjectMessage = "subject-message";
    public const string InformationRequested = "information-requested";
    public const string StaffInvitation = "staff-invitation";
    public const string StaffPasswordReset = "staff-password-reset";
    public const string RestrictionLiftNotice = "restriction-lift-notice";
    public const string TransmissionReady = "transmission-ready";
    // LIL art. 85: the person designated in post-mortem instructions is told, once they are recorded.
    public const string DesigneeNotice = "designee-notice";
    public const string TransmissionCode = "transmission-code";
    // GDPR Art. 8, 17(1)(f): a child's data erased on the organisation's own initiative; the parent is told (ChildMailTexts).
    public const string ChildDataErasure = "child-data-erasure";

    // The texts, by what they are for; a template missing in a language falls back to English.
    private static readonly Dictionary<(string Template, string Language), (string Subject, string Body)> Texts =
        new(ProgressMailTexts.Texts.Concat(AnswerMailTexts.Texts).Concat(ConversationMailTexts.Texts).Concat(RussianMailTexts.Texts)
            .Concat(StaffMailTexts.Texts).Concat(WithdrawalMailTexts.Texts).Concat(PortugueseMailTexts.Texts)
            .Concat(RestrictionMailTexts.Texts).Concat(TransmissionMailTexts.Texts)
            .Concat(PostMortemMailTexts.Texts).Concat(ChildMailTexts.Texts));

    private static readonly Dictionary<(string Right, string Language), string> RightNames = new()
    {
        // French names every right the same way, "droit de …" / "droit à …" ("votre demande (droit d'accès)").
        [("access", "fr")] = "droit d'accès", [("rectification", "fr")] = "droit de rectification",
        [("erasure", "fr")] = "droit à l'effacement", [("restriction", "fr")] = "droit à la limitation du traitement",
        [("portability", "fr")] = "droit à la portabilité", [("objection", "fr")] = "droit d'opposition",
        [("consent-withdrawal", "fr")] = "droit de retirer son consentement",
        [("post-mortem-instructions", "fr")] = "droit de définir des directives post mortem",
        [("appeal", "fr")] = "droit de recours contre une décision",
        [("access", "en")] = "access", [("rectification", "en")] = "rectification", [("erasure", "en")] = "erasure",
        [("restriction", "en")] = "restriction of processing", [("portability", "en")] = "data portability",
        [("objection", "en")] = "objection", [("consent-withdrawal", "en")] = "consent withdrawal",
        [("post-mortem-instructions", "en")] = "post-mortem instructions", [("appeal", "en")] = "appeal of a decision",
        [("automated-decision-review", "fr")] = "réexamen d'une décision automatisée",
        [("automated-decision-review", "en")] = "review of an automated decision",
        [("access", "ru")] = "доступ к данным", [("rectification", "ru")] = "исправление данных", [("erasure", "ru")] = "удаление данных",
        [("restriction", "ru")] = "ограничение обработки", [("portability", "ru")] = "переносимость данных",
        [("objection", "ru")] = "возражение против обработки", [("consent-withdrawal", "ru")] = "отзыв согласия",
        [("post-mortem-instructions", "ru")] = "распоряжения на случай смерти",
        [("automated-decision-review", "ru")] = "пересмотр автоматизированного решения",
        // California (CCPA/CPRA) only.
        [("opt-out-of-sale-sharing", "en")] = "opt-out of sale/sharing",
        [("limit-sensitive-use", "en")] = "limit the use of sensitive personal information",
        [("opt-out-of-sale-sharing", "fr")] = "droit de s'opposer à la vente ou au partage (Californie)",
        [("limit-sensitive-use", "fr")] = "droit de limiter l'utilisation des données sensibles (Californie)",
        [("opt-out-of-sale-sharing", "ru")] = "отказ от продажи и передачи данных (Калифорния)",
        [("limit-sensitive-use", "ru")] = "ограничение использования чувствительных данных (Калифорния)",
    };

    public static bool Exists(string template, string language) => Texts.ContainsKey((template, language));

    // The sentence a routed acknowledgement adds: the processor written to passed the request to the controller.
    public static string RoutedNote(string language, string processor, string workspace, string controller) => language switch
    {
        "fr" => $" Vous avez écrit à {processor} au sujet de l'espace {workspace}\u202F; {processor} a transmis votre demande à " +
            $"{controller}, responsable de ces données, qui vous répondra.",
        "ru" => $" Вы обратились в {processor} по поводу рабочего пространства {workspace}; Ваш запрос передан из {processor} " +
            $"в {controller} — организацию, которая отвечает за эти данные и ответит Вам.",
        "pt" => $" Você escreveu para {processor} sobre o espaço de trabalho {workspace}; {processor} encaminhou a sua " +
            $"solicitação para {controller}, responsável por esses dados, que lhe responderá.",
        _ => $" You wrote to {processor} about the {workspace} workspace; {processor} passed your request to {controller}, " +
            $"which is responsible for that data and will answer you.",
    };

    // The subject's name after the greeting word ("Hello Ada,"). Russian sets the person addressed off with a comma:
    // "Здравствуйте, Анна!" (and "Здравствуйте!" without a name).
    public static string GreetingName(string language, string name) => language is "ru" or "pt" ? $", {name}" : $" {name}";

    // The sentence after "you may complain" that names the authority the organisation's register gives (Art. 77); empty
    // without a register. French puts a narrow no-break space before the colon.
    public static string AuthorityNote(string language, string authority) => language switch
    {
        "fr" => $" L'autorité de contrôle dont nous relevons\u202F: {authority}.",
        "ru" => $" Надзорный орган, в ведении которого мы находимся: {authority}.",
        _ => $" The supervisory authority we answer to: {authority}.",
    };

    public static string RightName(string right, string language) =>
        RightNames.TryGetValue((right, language), out var name) || PortugueseMailTexts.RightNames.TryGetValue((right, language), out name)
            ? name : right;

    public static (string Subject, string Body) Render(string template, string language, IReadOnlyDictionary<string, string> values)
    {
        if (!Texts.TryGetValue((template, language), out var text) && !Texts.TryGetValue((template, "en"), out text))
            throw new InvalidOperationException($"No mail template '{template}'.");
        if (language == "fr")
            text = (FrenchSpacing(text.Subject), FrenchSpacing(text.Body));
        return (Fill(text.Subject, values), Fill(text.Body, values));
    }

    // French sets a narrow no-break space (U+202F) before ; : ? ! so that a line never breaks before the sign. Applied
    // to the template only: a value (a link, the subject's words) is left as it is.
    internal static string FrenchSpacing(string text) => BeforeFrenchSign().Replace(text, "\u202F$1");

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\S) ([:;?!])(?=\s|$)", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex BeforeFrenchSign();

    // One pass over the template: a value is never searched for placeholders itself, so a staff message or a subject's
    // name that contains "{statusUrl}" or "{code}" stays that text and never pulls another value (a link, a code) in.
    private static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    [System.Text.RegularExpressions.GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();
}
