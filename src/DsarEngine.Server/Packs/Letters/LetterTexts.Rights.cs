namespace DsarEngine.Server.Packs.Letters;

// The wording for a partial erasure's exemptions (GDPR Art. 17(3)), the recipients told (Art. 19) and the notice that a
// restriction will be lifted (Art. 18(3)), in English, French and Russian. Kept apart from LetterTexts.cs so that these
// sentences, added with the erasure and restriction work of issue 15, are read and reviewed together.
internal static partial class LetterTexts
{
    private static readonly Dictionary<string, (string En, string Fr, string Ru)> RightsTexts = new(StringComparer.Ordinal)
    {
        ["erasure.exempt"] = ("What we decided not to erase, and why", "Ce que nous avons décidé de ne pas effacer, et pourquoi",
            "Что мы решили не удалять и почему"),
        ["erasure.exempt.intro"] = (
            "We did not erase all of your data: the following exceptions of Article 17(3) GDPR apply ({0}).",
            "Nous n'avons pas effacé toutes vos données : les exceptions suivantes de l'article 17, paragraphe 3, du RGPD " +
                "s'appliquent ({0}).",
            "Мы удалили не все Ваши данные: применяются следующие исключения статьи 17(3) GDPR ({0})."),
        ["erasure.exempt.all"] = ("all systems", "tous les systèmes", "все системы"),
        ["recipients.told"] = ("Who we tell (Article 19 GDPR)", "Qui nous informons (article 19 du RGPD)",
            "Кого мы уведомляем (статья 19 GDPR)"),
        ["recipients.told.intro"] = (
            "Our systems reported disclosing your data to the recipients below; we tell each of them about this request's outcome.",
            "Nos systèmes ont indiqué avoir communiqué vos données aux destinataires ci-dessous ; nous informons chacun " +
                "d'eux de la suite donnée à votre demande.",
            "Наши системы сообщили, что передавали Ваши данные указанным ниже получателям; мы уведомляем каждого из них " +
                "о результате Вашего запроса."),
        ["recipients.told.none"] = (
            "None of our systems reported disclosing your data to a recipient, so there is no one to tell (Article 19 GDPR).",
            "Aucun de nos systèmes n'a indiqué avoir communiqué vos données à un destinataire ; il n'y a donc personne à " +
                "informer (article 19 du RGPD).",
            "Ни одна из наших систем не сообщила о передаче Ваших данных получателям, поэтому уведомлять некого (статья 19 GDPR)."),
        ["col.recipient"] = ("Recipient", "Destinataire", "Получатель"),
        ["restriction-lift-notice.title"] = ("Your request: the restriction of processing will be lifted",
            "Votre demande : la limitation du traitement va être levée", "Ваш запрос: ограничение обработки будет снято"),
        ["restriction-lift.intro"] = (
            "Following your request {0}, received on {1}, we restricted the processing of your personal data. As Article 18(3) " +
                "GDPR requires, we tell you before it happens: the restriction will be lifted on {2}.",
            "À la suite de votre demande {0}, reçue le {1}, nous avons limité le traitement de vos données personnelles. " +
                "Comme l'exige l'article 18, paragraphe 3, du RGPD, nous vous informons avant qu'elle ne prenne effet : " +
                "la limitation sera levée le {2}.",
            "По Вашему запросу {0}, полученному {1}, мы ограничили обработку Ваших персональных данных. Как требует " +
                "статья 18(3) GDPR, сообщаем заранее: ограничение будет снято {2}"),
        ["restriction-lift.why"] = ("Why", "Motif", "Причина"),
        ["restriction-lift.disagree"] = (
            "If you disagree, tell us before that date, quoting {0}. You may also lodge a complaint with a supervisory authority.",
            "Si vous n'êtes pas d'accord, dites-le-nous avant cette date en rappelant la référence {0}. Vous pouvez aussi " +
                "introduire une réclamation auprès d'une autorité de contrôle.",
            "Если Вы не согласны, сообщите нам об этом до этой даты, указав номер {0}. Вы также можете обратиться с жалобой " +
                "в надзорный орган."),
    };
}
