namespace DsarEngine.Server.Packs.Letters;

// Russia's Federal Law No. 152-FZ of 27 July 2006 "On Personal Data", in Russian and English: Art. 14 (access; part 3,
// what a request contains; part 8, grounds to restrict access), Art. 20 (part 1, 10 working days and 5 more with a
// reasoned notice; part 2, a reasoned refusal citing its legal ground; part 3, correction and third parties told),
// Art. 21 (blocking, destruction; part 5, consent withdrawn), Art. 16 (automated decisions), Art. 17 (appeal to
// Roskomnadzor or a court). Russian dates end with "г." and take no second full stop (see LetterTexts.Russian.cs).
internal static partial class LetterTexts
{
    private const string FzRu = "Федерального закона от 27 июля 2006 г. № 152-ФЗ «О персональных данных»";

    private static Dictionary<string, string> RussiaRussian => new(StringComparer.Ordinal)
    {
        // With its preposition: "со статьёй", "с частью".
        ["cite"] = "со статьёй 14", ["cite.access"] = "со статьями 14 и 20",
        ["cite.rectification"] = "со статьёй 14 и частью 3 статьи 20", ["cite.erasure"] = "со статьёй 14 и статьёй 21",
        ["cite.restriction"] = "со статьёй 21", ["cite.consent-withdrawal"] = "с частью 2 статьи 9 и частью 5 статьи 21",
        ["intro"] = "{1} мы получили Ваш запрос {0}. Настоящим письмом мы отвечаем на него в соответствии {2} " + FzRu + ".",
        ["refusal.intro"] = "{1} мы получили Ваш запрос {0}. Мы отказываем в его исполнении; мотивированный отказ " +
            "(часть 2 статьи 20 Федерального закона № 152-ФЗ) со ссылкой на основание — часть 8 статьи 14 этого закона " +
            "или иной федеральный закон:",
        ["refusal.remedy"] = "Вы вправе обжаловать наши действия или бездействие в уполномоченный орган по защите прав " +
            "субъектов персональных данных — Роскомнадзор (rkn.gov.ru) — или в судебном порядке (статья 17 Федерального " +
            "закона № 152-ФЗ).",
        ["extension.intro"] = "{1} мы получили Ваш запрос {0}. Мы должны были ответить на него в течение 10 рабочих дней, " +
            "не позднее {2} Часть 1 статьи 20 Федерального закона № 152-ФЗ позволяет продлить этот срок не более чем на пять " +
            "рабочих дней, направив Вам мотивированное уведомление с указанием причин продления. Настоящее письмо — такое " +
            "уведомление. Причины продления:",
        ["identity-request.intro"] = "{1} мы получили Ваш запрос {0}. Прежде чем его исполнить, мы должны убедиться, что он " +
            "направлен именно Вами, чтобы никто другой не получил и не изменил Ваши персональные данные (часть 3 статьи 14 " +
            "Федерального закона № 152-ФЗ).",
        ["transfers"] = "Трансграничная передача персональных данных",
        ["transfers.none"] = "Ваши персональные данные не передаются за пределы Российской Федерации.",
        ["rights.text"] = "Вы вправе требовать уточнения Ваших персональных данных, их блокирования или уничтожения, если они " +
            "неполные, устаревшие, неточные, незаконно полученные или не являются необходимыми для заявленной цели " +
            "обработки, а также отозвать согласие на их обработку (статьи 9, 14 и 21 Федерального закона № 152-ФЗ).",
        ["complaint"] = "Вы вправе обратиться с жалобой в Роскомнадзор — уполномоченный орган по защите прав субъектов " +
            "персональных данных (rkn.gov.ru), — или в суд (статья 17 Федерального закона № 152-ФЗ).",
        ["recipients.notified.erasure"] = "Мы принимаем разумные меры, чтобы уведомить об уничтожении третьих лиц, которым были " +
            "переданы Ваши персональные данные (статья 21 Федерального закона № 152-ФЗ).",
        ["recipients.notified.rectification"] = "Мы принимаем разумные меры, чтобы уведомить об уточнении третьих лиц, которым " +
            "были переданы Ваши персональные данные (часть 3 статьи 20 Федерального закона № 152-ФЗ).",
        ["recipients.notified.restriction"] = "Мы принимаем разумные меры, чтобы уведомить о блокировании третьих лиц, которым " +
            "были переданы Ваши персональные данные.",
        ["restriction.meaning"] = "Пока Ваши персональные данные заблокированы, мы их только храним (статья 21 Федерального " +
            "закона № 152-ФЗ).",
        ["objection.meaning"] = "Мы прекратили обработку Ваших персональных данных, против которой Вы возражали.",
        ["consent.meaning"] = "После отзыва согласия мы прекращаем обработку и уничтожаем Ваши персональные данные в срок, " +
            "не превышающий 30 дней, если иное не предусмотрено законом (часть 5 статьи 21 Федерального закона № 152-ФЗ).",
        ["automated.none"] = "Мы не принимаем в отношении Вас решений на основании исключительно автоматизированной обработки " +
            "(статья 16 Федерального закона № 152-ФЗ).",
    };

    private static Dictionary<string, string> RussiaEnglish => new(StringComparer.Ordinal)
    {
        ["cite"] = "Article 14", ["cite.access"] = "Articles 14 and 20", ["cite.rectification"] = "Article 14 and Article 20(3)",
        ["cite.erasure"] = "Articles 14 and 21", ["cite.restriction"] = "Article 21",
        ["cite.consent-withdrawal"] = "Article 9(2) and Article 21(5)",
        ["intro"] = "We received your request {0} on {1}. This letter answers it under {2} of Russian Federal Law No. 152-FZ " +
            "of 27 July 2006 \"On Personal Data\".",
        ["refusal.intro"] = "We received your request {0} on {1}. We refuse to act on it; our reasoned refusal (Article 20(2) of " +
            "Federal Law No. 152-FZ), with its legal ground, Article 14(8) of that law or another federal law:",
        ["refusal.remedy"] = "You may challenge our action or inaction before the authority for the protection of the rights of " +
            "personal data subjects, Roskomnadzor (rkn.gov.ru), or in court (Article 17 of Federal Law No. 152-FZ).",
        ["extension.intro"] = "We received your request {0} on {1}. We were due to answer within 10 working days, by {2}. " +
            "Article 20(1) of Federal Law No. 152-FZ allows us to extend that period by no more than five working days by " +
            "sending you a reasoned notice stating the reasons. This letter is that notice. Our reasons:",
        ["identity-request.intro"] = "We received your request {0} on {1}. Before we act on it we must be sure it comes from you, " +
            "so that nobody else obtains or changes your personal data (Article 14(3) of Federal Law No. 152-FZ).",
        ["transfers"] = "Cross-border transfers",
        ["transfers.none"] = "Your personal data is not transferred outside the Russian Federation.",
        ["rights.text"] = "You may require us to clarify, block or destroy your personal data if it is incomplete, out of date, " +
            "inaccurate, unlawfully obtained or not necessary for the stated purpose, and withdraw your consent to its " +
            "processing (Articles 9, 14 and 21 of Federal Law No. 152-FZ).",
        ["complaint"] = "You have the right to complain to Roskomnadzor, the authority for the protection of the rights of " +
            "personal data subjects (rkn.gov.ru), or to a court (Article 17 of Federal Law No. 152-FZ).",
        ["recipients.notified.erasure"] = "We take reasonable steps to tell the third parties to whom your personal data was " +
            "transferred about its destruction (Article 21 of Federal Law No. 152-FZ).",
        ["recipients.notified.rectification"] = "We take reasonable steps to tell the third parties to whom your personal data " +
            "was transferred about the clarification (Article 20(3) of Federal Law No. 152-FZ).",
        ["recipients.notified.restriction"] = "We take reasonable steps to tell the third parties to whom your personal data " +
            "was transferred about the blocking.",
        ["restriction.meaning"] = "While your personal data is blocked we only store it (Article 21 of Federal Law No. 152-FZ).",
        ["objection.meaning"] = "We stopped the processing of your personal data that you objected to.",
        ["consent.meaning"] = "Once consent is withdrawn we stop the processing and destroy your personal data within 30 days " +
            "unless a law provides otherwise (Article 21(5) of Federal Law No. 152-FZ).",
        ["automated.none"] = "We take no decision about you based solely on automated processing (Article 16 of Federal Law " +
            "No. 152-FZ).",
    };
}
