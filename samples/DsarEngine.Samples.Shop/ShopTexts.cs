namespace DsarEngine.Samples.Shop;

// The page's words in each language the shop speaks. A sample's own copy: the engine's form brings its own texts.
public sealed record ShopTexts(
    string Language, string Title, string Tagline, string Intro, string CollectHeading, string[] Collect, string KeepHeading,
    string Keep, string ShareHeading, string Share, string RightsHeading, string Rights, string NoScript, string Footer,
    string LanguageNav)
{
    public static readonly IReadOnlyList<string> Languages = ["en", "fr", "ru"];

    // The language asked for (a path prefix or ?lang=), English when the shop does not speak it.
    public static ShopTexts For(string? language) => language switch
    {
        "fr" => French,
        "ru" => Russian,
        _ => English,
    };

    public static string PathOf(string language) => language == "en" ? "/privacy" : $"/{language}/privacy";

    public static readonly ShopTexts English = new("en",
        "Privacy at {0}", "Candles, linen and tableware, made in small batches in Lyon.",
        "{0} sells online to customers across Europe. This page says what we do with your personal data and how to use "
        + "your rights. We are the controller of that data.",
        "What we collect",
        [
            "Your name, e-mail address and delivery address, to deliver your orders (GDPR Art. 6(1)(b): the contract).",
            "Your orders and invoices, which tax law obliges us to keep (Art. 6(1)(c)).",
            "Your e-mail address for our newsletter, only if you asked for it (Art. 6(1)(a): consent, which you may withdraw).",
        ],
        "How long we keep it",
        "Account data while your account is open and three years after your last order; invoices for ten years, as the French "
        + "Commercial Code requires.",
        "Who receives it",
        "Our carrier (to deliver), our payment provider (to take payment) and our newsletter service, each under a contract "
        + "that binds them to our instructions.",
        "Exercise your rights",
        "You may ask for a copy of your data, have it corrected or erased, object to its use, restrict it, take it with you "
        + "or withdraw a consent. Use the form below: we answer within one month.",
        "The form needs JavaScript. Without it, open the form on its own page:",
        "{0} · Privacy · This is a sample website of the DsarEngine demo.", "Language");

    public static readonly ShopTexts French = new("fr",
        "Confidentialité chez {0}", "Bougies, linge et arts de la table, fabriqués en petites séries à Lyon.",
        "{0} vend en ligne dans toute l’Europe. Cette page explique ce que nous faisons de vos données personnelles et "
        + "comment exercer vos droits. Nous sommes responsables de ce traitement.",
        "Ce que nous collectons",
        [
            "Vos nom, adresse e-mail et adresse de livraison, pour livrer vos commandes (RGPD art. 6(1)(b) : le contrat).",
            "Vos commandes et factures, que la loi fiscale nous oblige à conserver (art. 6(1)(c)).",
            "Votre adresse e-mail pour notre lettre d’information, seulement si vous l’avez demandée (art. 6(1)(a) : "
            + "consentement, que vous pouvez retirer).",
        ],
        "Combien de temps nous les gardons",
        "Les données du compte tant qu’il est ouvert et trois ans après votre dernière commande ; les factures dix ans, "
        + "comme l’exige le Code de commerce.",
        "Qui les reçoit",
        "Notre transporteur (pour livrer), notre prestataire de paiement (pour encaisser) et notre service de lettre "
        + "d’information, chacun lié par contrat à nos instructions.",
        "Exercer vos droits",
        "Vous pouvez demander une copie de vos données, les faire rectifier ou effacer, vous opposer à leur utilisation, en "
        + "limiter le traitement, les emporter ou retirer un consentement. Utilisez le formulaire ci-dessous : nous "
        + "répondons sous un mois.",
        "Le formulaire a besoin de JavaScript. Sans lui, ouvrez le formulaire sur sa propre page :",
        "{0} · Confidentialité · Ceci est un site d’exemple de la démo DsarEngine.", "Langue");

    public static readonly ShopTexts Russian = new("ru",
        "Конфиденциальность в {0}", "Свечи, льняной текстиль и посуда небольшими партиями из Лиона.",
        "{0} продаёт товары онлайн по всей Европе. Здесь сказано, что мы делаем с вашими персональными данными и как "
        + "воспользоваться своими правами. Мы являемся контролёром этих данных.",
        "Что мы собираем",
        [
            "Ваше имя, адрес электронной почты и адрес доставки, чтобы доставить заказы (GDPR ст. 6(1)(b): договор).",
            "Ваши заказы и счета, которые мы обязаны хранить по налоговому законодательству (ст. 6(1)(c)).",
            "Ваш адрес электронной почты для рассылки, только если вы на неё подписались (ст. 6(1)(a): согласие, которое "
            + "можно отозвать).",
        ],
        "Сколько мы их храним",
        "Данные учётной записи, пока она открыта, и три года после последнего заказа; счета десять лет, как того требует "
        + "Торговый кодекс Франции.",
        "Кто их получает",
        "Наша служба доставки, платёжный провайдер и сервис рассылки, каждый по договору, обязывающему следовать нашим "
        + "указаниям.",
        "Воспользуйтесь своими правами",
        "Вы можете запросить копию своих данных, исправить или удалить их, возразить против их использования, ограничить "
        + "обработку, получить их для переноса или отозвать согласие. Заполните форму ниже: мы ответим в течение месяца.",
        "Для формы нужен JavaScript. Без него откройте форму на отдельной странице:",
        "{0} · Конфиденциальность · Это учебный сайт демонстрации DsarEngine.", "Язык");
}
