namespace DsarEngine.Server.Packs.Letters;

// The wording of what a person found at an objection's assessment (GDPR Art. 21(1)) and at the human review of an
// automated decision (Art. 22(3), 15(1)(h)), in English, French and Russian; another language falls back to English.
// Beside LetterTexts rather than in it, so that each language's text of a key is written together.
internal static class FindingsTexts
{
    private static readonly Dictionary<string, (string En, string Fr, string Ru)> Texts = new(StringComparer.Ordinal)
    {
        ["assessment.title"] = ("Our assessment of your objection (Article 21(1))", "Notre examen de votre opposition (article 21(1))",
            "Наша оценка вашего возражения (статья 21(1))"),
        ["assessment.intro"] = (
            "You objected on grounds relating to your particular situation. We may continue the processing only if we demonstrate " +
                "compelling legitimate grounds which override your interests, rights and freedoms, or for legal claims. What we weighed:",
            "Vous vous êtes opposé(e) au traitement pour des raisons tenant à votre situation particulière. Nous ne pouvons le " +
                "poursuivre que si nous démontrons des motifs légitimes et impérieux qui prévalent sur vos intérêts, droits et " +
                "libertés, ou pour la constatation, l'exercice ou la défense de droits en justice. Ce que nous avons examiné :",
            "Вы возразили по основаниям, связанным с вашей конкретной ситуацией. Мы можем продолжить обработку, только если " +
                "докажем наличие веских законных оснований, преобладающих над вашими интересами, правами и свободами, или для " +
                "установления, осуществления или защиты правовых требований. Что мы рассмотрели:"),
        ["assessment.overrides.no"] = (
            "Our conclusion: these grounds do not override yours, so we have stopped the processing you objected to.",
            "Notre conclusion : ces motifs ne prévalent pas sur les vôtres ; nous avons donc cessé le traitement auquel vous vous " +
                "êtes opposé(e).",
            "Наш вывод: эти основания не преобладают над вашими, поэтому мы прекратили обработку, против которой вы возразили."),
        ["assessment.overrides.in-part"] = (
            "Our conclusion: these grounds override yours for part of the processing only; that part goes on ({0}), the rest has stopped.",
            "Notre conclusion : ces motifs ne prévalent sur les vôtres que pour une partie du traitement ; cette partie se poursuit " +
                "({0}), le reste a cessé.",
            "Наш вывод: эти основания преобладают над вашими лишь в отношении части обработки; эта часть продолжается ({0}), " +
                "остальная прекращена."),
        ["assessment.overrides.yes"] = (
            "Our conclusion: these grounds override your interests, rights and freedoms, so the processing goes on.",
            "Notre conclusion : ces motifs prévalent sur vos intérêts, droits et libertés ; le traitement se poursuit donc.",
            "Наш вывод: эти основания преобладают над вашими интересами, правами и свободами, поэтому обработка продолжается."),
        ["assessment.remedy"] = (
            "You may challenge this assessment: lodge a complaint with the supervisory authority (Article 77) and seek a " +
                "judicial remedy before the courts (Article 79).",
            "Vous pouvez contester cette appréciation : introduire une réclamation auprès de l'autorité de contrôle (article 77) " +
                "et former un recours juridictionnel (article 79).",
            "Вы можете оспорить эту оценку: подать жалобу в надзорный орган (статья 77) и обратиться в суд (статья 79)."),
        ["adm.title"] = ("Your request for a human review of an automated decision",
            "Votre demande de réexamen humain d'une décision automatisée",
            "Ваш запрос на пересмотр автоматизированного решения человеком"),
        ["adm.intro"] = (
            "We received your request {0} on {1}, in which you contested a decision based solely on automated processing and gave " +
                "your point of view. A member of our staff with the authority to change the decision reviewed it, taking your point " +
                "of view into account (Article 22(3) GDPR).",
            "Nous avons reçu votre demande {0} le {1}, par laquelle vous contestez une décision fondée exclusivement sur un " +
                "traitement automatisé et exprimez votre point de vue. Une personne de nos services, habilitée à modifier la " +
                "décision, l'a réexaminée en tenant compte de votre point de vue (article 22(3) du RGPD).",
            "Мы получили ваш запрос {0} от {1}, в котором вы оспорили решение, основанное исключительно на автоматизированной " +
                "обработке, и изложили свою точку зрения. Наш сотрудник, уполномоченный изменить решение, пересмотрел его с " +
                "учётом вашей точки зрения (статья 22(3) GDPR)."),
        ["adm.outcome"] = ("The outcome of the review", "Le résultat du réexamen", "Результат пересмотра"),
        ["adm.upheld"] = ("After the review, the decision is upheld.", "Après réexamen, la décision est maintenue.",
            "По итогам пересмотра решение оставлено в силе."),
        ["adm.changed"] = ("After the review, the decision has been changed.", "Après réexamen, la décision a été modifiée.",
            "По итогам пересмотра решение изменено."),
        ["adm.logic.title"] = ("How the decision is made (Article 15(1)(h))", "Comment la décision est prise (article 15(1)(h))",
            "Как принимается решение (статья 15(1)(h))"),
        ["adm.logic"] = ("The logic involved", "La logique sous-jacente", "Логика принятия решения"),
        ["adm.significance"] = ("Its significance for you", "Son importance pour vous", "Значение для вас"),
        ["adm.consequences"] = ("Its envisaged consequences for you", "Ses conséquences envisagées pour vous",
            "Предполагаемые последствия для вас"),
        ["adm.remedy"] = (
            "If you disagree with the outcome, you may lodge a complaint with the supervisory authority (Article 77) and seek " +
                "a judicial remedy before the courts (Article 79).",
            "Si vous êtes en désaccord avec ce résultat, vous pouvez introduire une réclamation auprès de l'autorité de contrôle " +
                "(article 77) et former un recours juridictionnel (article 79).",
            "Если вы не согласны с результатом, вы можете подать жалобу в надзорный орган (статья 77) и обратиться в суд " +
                "(статья 79)."),
    };

    public static IReadOnlyCollection<string> Keys => Texts.Keys;

    public static string T(string language, string key, params object?[] args)
    {
        var (en, fr, ru) = Texts[key];
        var text = language switch { "fr" => fr, "ru" => ru, _ => en };
        return string.Format(System.Globalization.CultureInfo.GetCultureInfo(language), text, args);
    }
}
