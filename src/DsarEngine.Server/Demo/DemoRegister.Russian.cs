using DsarEngine.Workflows.Packs;

namespace DsarEngine.Server.Demo;

internal static partial class DemoRegister
{
    // Its Russian translation: Russian subjects' letters are Russian throughout (categories stay the systems' own keys;
    // addresses and the names of French laws and bodies stay as written, with a Russian rendering beside them).
    public static ProcessingRegister Russian(string name) => new(
        new Party(name, "10 rue de Rivoli, 75004 Paris, France", "privacy@demo.example", "https://demo.example/privacy"),
        new Party("Camille Bernard, ответственная за защиту данных", null, "dpo@demo.example", null),
        [
            new PurposeEntry("Ведение клиентских учётных записей и заказов", "Исполнение договора (GDPR, статья 6(1)(b))",
                ["contact-details", "contacts", "notes"]),
            new PurposeEntry("Выставление счетов и бухгалтерский учёт",
                "Юридическая обязанность (статья 6(1)(c)), Коммерческий кодекс Франции (Code de commerce), статья L123-22",
                ["account", "invoices", "payment-methods"]),
            new PurposeEntry("Поддержка клиентов", "Исполнение договора (статья 6(1)(b))", ["support-tickets", "ticket-comments"]),
            new PurposeEntry("Информационные рассылки", "Согласие (статья 6(1)(a))", ["subscriber", "lists", "campaign-activity"]),
        ],
        [
            new RecipientEntry("Сервис электронных рассылок (информационные рассылки)", "обработчик", ["subscriber", "lists"]),
            new RecipientEntry("Почтовый оператор (почтовые рассылки)", "обработчик", ["contact-details"]),
            new RecipientEntry("Аудитор (commissaire aux comptes)", "самостоятельный получатель, при проведении проверок", ["invoices"]),
        ],
        [new RetentionEntry("invoices", "10 лет (Коммерческий кодекс Франции, статья L123-22)"),
         new RetentionEntry("support-tickets", "3 года после закрытия обращения"),
         new RetentionEntry("contact-details", "3 года после последнего заказа")],
        [], [], null,
        new Party("Национальная комиссия по информатике и свободам Франции (CNIL)",
            "3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07", null, "https://www.cnil.fr/fr/plaintes"),
        35);
}
