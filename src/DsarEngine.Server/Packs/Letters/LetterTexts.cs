namespace DsarEngine.Server.Packs.Letters;

// The letters' wording in English and French. GDPR Art. 12(1): concise, intelligible, clear and plain language.
internal static class LetterTexts
{
    private static readonly Dictionary<string, (string En, string Fr)> Texts = new(StringComparer.Ordinal)
    {
        ["access.title"] = ("Your request for access to your personal data", "Votre demande d'accès à vos données personnelles"),
        ["erasure.title"] = ("Your request to erase your personal data", "Votre demande d'effacement de vos données personnelles"),
        ["rectification.title"] = ("Your request to correct your personal data", "Votre demande de rectification de vos données personnelles"),
        ["restriction.title"] = ("Your request to restrict the processing of your data", "Votre demande de limitation du traitement de vos données"),
        ["objection.title"] = ("Your objection to the processing of your data", "Votre opposition au traitement de vos données"),
        ["consent-withdrawal.title"] = ("The withdrawal of your consent", "Le retrait de votre consentement"),
        ["post-mortem-instructions.title"] = ("Your instructions for your data after your death", "Vos directives relatives à vos données après votre décès"),
        ["post-mortem-instructions.article"] = ("85 of the French Data Protection Act (Loi Informatique et Libertés)", "85 de la loi Informatique et Libertés"),
        ["post-mortem.meaning"] = ("We recorded your instructions; you may change or withdraw them at any time (Loi Informatique et Libertés, Article 85).",
            "Nous avons enregistré vos directives ; vous pouvez les modifier ou les révoquer à tout moment (loi Informatique et Libertés, article 85)."),
        ["portability.title"] = ("Your data, in a portable format", "Vos données, dans un format portable"),
        ["rectification.article"] = ("16", "16"), ["restriction.article"] = ("18", "18"), ["objection.article"] = ("21", "21"),
        ["consent-withdrawal.article"] = ("7(3)", "7(3)"), ["portability.article"] = ("20", "20"),
        ["done.where"] = ("What we did, where and when", "Ce que nous avons fait, où et quand"),
        ["restriction.meaning"] = ("While processing is restricted we only store your data; we will tell you before the restriction is lifted (Article 18(3)).",
            "Pendant la limitation, nous ne faisons que conserver vos données ; nous vous préviendrons avant de la lever (article 18(3))."),
        ["objection.meaning"] = ("For direct marketing your objection is absolute: we no longer use your data for it (Article 21(3)).",
            "Pour la prospection, votre opposition est absolue : nous n'utilisons plus vos données à cette fin (article 21(3))."),
        ["consent.meaning"] = ("Withdrawing consent does not affect the lawfulness of processing before the withdrawal (Article 7(3)).",
            "Le retrait du consentement ne remet pas en cause la licéité du traitement effectué avant ce retrait (article 7(3))."),
        ["portability.files"] = ("The attached archive holds the data you provided to us, one JSON and one CSV file per system and category; manifest.json lists each file with its SHA-256 digest so you can check nothing was altered.",
            "L'archive jointe contient les données que vous nous avez fournies, un fichier JSON et un fichier CSV par système et par catégorie ; manifest.json liste chaque fichier avec son empreinte SHA-256 pour vérifier que rien n'a été modifié."),
        ["refusal.title"] = ("Your request: why we cannot act on it", "Votre demande : pourquoi nous ne pouvons pas y donner suite"),
        ["refusal.intro"] = ("We received your request {0} on {1}. We will not act on it, for the following reason (Article 12(4) GDPR):",
            "Nous avons reçu votre demande {0} le {1}. Nous n'y donnerons pas suite, pour la raison suivante (article 12(4) du RGPD) :"),
        ["refusal.remedy"] = ("You may challenge this decision: lodge a complaint with the supervisory authority (Article 77) and seek a judicial remedy before the courts (Article 79).",
            "Vous pouvez contester cette décision : introduire une réclamation auprès de l'autorité de contrôle (article 77) et former un recours juridictionnel (article 79)."),
        ["exemptions"] = ("Part of the data was withheld under: {0}.", "Une partie des données n'a pas été communiquée au titre de : {0}."),
        ["greeting"] = ("Dear {0},", "Bonjour {0},"),
        ["greeting.anonymous"] = ("Dear Sir or Madam,", "Madame, Monsieur,"),
        ["intro"] = ("We received your request {0} on {1}. This letter answers it under Article {2} of the General Data Protection Regulation (GDPR).",
            "Nous avons reçu votre demande {0} le {1}. Ce courrier y répond au titre de l'article {2} du règlement général sur la protection des données (RGPD)."),
        ["intro.national"] = ("We received your request {0} on {1}. This letter answers it under Article {2}.",
            "Nous avons reçu votre demande {0} le {1}. Ce courrier y répond au titre de l'article {2}."),
        ["confirmation"] = ("We confirm that we process personal data about you.", "Nous confirmons traiter des données personnelles vous concernant."),
        ["controller"] = ("Who we are", "Qui nous sommes"),
        ["dpo"] = ("Data protection officer", "Délégué à la protection des données"),
        ["purposes"] = ("Why we process your data, and on what legal basis", "Pourquoi nous traitons vos données, et sur quelle base légale"),
        ["categories"] = ("Categories of data", "Catégories de données"),
        ["recipients"] = ("Who receives your data", "Qui reçoit vos données"),
        ["retention"] = ("How long we keep it", "Combien de temps nous les conservons"),
        ["sources"] = ("Where data we did not collect from you came from", "D'où viennent les données que nous n'avons pas collectées auprès de vous"),
        ["automated"] = ("Automated decision-making", "Décisions automatisées"),
        ["automated.none"] = ("We take no decision about you based solely on automated processing (Art. 22).", "Nous ne prenons aucune décision vous concernant fondée exclusivement sur un traitement automatisé (art. 22)."),
        ["transfers"] = ("Transfers outside the European Economic Area", "Transferts hors de l'Espace économique européen"),
        ["transfers.none"] = ("Your data is not transferred outside the EEA.", "Vos données ne sont pas transférées hors de l'EEE."),
        ["rights"] = ("Your rights", "Vos droits"),
        ["rights.text"] = ("You may ask us to rectify, erase or restrict the processing of your data, and object to its processing (Articles 16 to 21 GDPR).",
            "Vous pouvez nous demander de rectifier ou d'effacer vos données, d'en limiter le traitement, et vous opposer à leur traitement (articles 16 à 21 du RGPD)."),
        ["complaint"] = ("You have the right to lodge a complaint with the supervisory authority: {0}.", "Vous avez le droit d'introduire une réclamation auprès de l'autorité de contrôle : {0}."),
        ["copy"] = ("A copy of your data", "Une copie de vos données"),
        ["copy.more"] = ("{0} more records are in the machine-readable files of this response.", "{0} enregistrements de plus figurent dans les fichiers lisibles par machine de cette réponse."),
        ["system"] = ("System", "Système"),
        ["erased"] = ("What we erased", "Ce que nous avons effacé"),
        ["kept"] = ("What we had to keep, and why", "Ce que nous avons dû conserver, et pourquoi"),
        ["kept.none"] = ("We kept nothing.", "Nous n'avons rien conservé."),
        ["kept.until"] = ("until {0}", "jusqu'au {0}"),
        ["backups"] = ("Copies in our backups age out within {0} days and are never restored into use.",
            "Les copies dans nos sauvegardes disparaissent sous {0} jours et ne sont jamais remises en service."),
        ["recipients.notified"] = ("We told the recipients of your data of the erasure (Article 19 GDPR).", "Nous avons informé les destinataires de vos données de l'effacement (article 19 du RGPD)."),
        ["outcome.done"] = ("done", "fait"),
        ["outcome.partial"] = ("done in part", "fait en partie"),
        ["outcome.not-found"] = ("no data held", "aucune donnée"),
        ["signature"] = ("Yours faithfully,", "Veuillez agréer nos salutations distinguées,"),
    };

    public static string T(string language, string key, params object?[] args)
    {
        var (en, fr) = Texts[key];
        return string.Format(System.Globalization.CultureInfo.GetCultureInfo(language), language == "fr" ? fr : en, args);
    }

    public static string Date(string language, DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo(language == "fr" ? "fr-FR" : "en-GB"));
}
