namespace DsarEngine.Server.Packs.Letters;

// The letters' wording in English and French; Russian is in LetterTexts.Russian.cs. GDPR Art. 12(1): concise,
// intelligible, clear and plain language, in the language chosen at intake.
internal static partial class LetterTexts
{
    // A narrow no-break space: French sets it before ; : ? ! so that a line never breaks before the sign.
    private const string N = "\u202F";

    private static readonly Dictionary<string, (string En, string Fr)> Texts = new(StringComparer.Ordinal)
    {
        ["access.title"] = ("Your request for access to your personal data", "Votre demande d'accès à vos données personnelles"),
        ["erasure.title"] = ("Your request to erase your personal data", "Votre demande d'effacement de vos données personnelles"),
        ["rectification.title"] = ("Your request to correct your personal data",
            "Votre demande de rectification de vos données personnelles"),
        ["restriction.title"] = ("Your request to restrict the processing of your data",
            "Votre demande de limitation du traitement de vos données"),
        ["objection.title"] = ("Your objection to the processing of your data", "Votre opposition au traitement de vos données"),
        ["consent-withdrawal.title"] = ("The withdrawal of your consent", "Le retrait de votre consentement"),
        ["post-mortem-instructions.title"] = ("Your instructions for your data after your death",
            "Vos directives relatives à vos données après votre décès"),
        ["post-mortem-instructions.article"] = ("85 of the French Data Protection Act (Loi Informatique et Libertés)",
            "85 de la loi Informatique et Libertés"),
        ["post-mortem.meaning"] = (
            "We recorded your instructions; you may change or withdraw them at any time (Loi Informatique et Libertés, Article 85).",
            "Nous avons enregistré vos directives" + N + "; vous pouvez les modifier ou les " +
                "révoquer à tout moment (article 85 de la loi Informatique et Libertés)."),
        ["portability.title"] = ("Your data, in a portable format", "Vos données, dans un format portable"),
        ["rectification.article"] = ("16", "16"), ["restriction.article"] = ("18", "18"), ["objection.article"] = ("21", "21"),
        // French cites a paragraph as "article 7, paragraphe 3, du RGPD"; the intro puts " du règlement…" after it.
        ["consent-withdrawal.article"] = ("7(3)", "7, paragraphe 3,"), ["portability.article"] = ("20", "20"),
        ["done.where"] = ("What we did, where and when", "Ce que nous avons fait, où et quand"),
        // Art. 18(2)-(3) as the law puts them: the engine states the obligation, it does not promise a notice of its own.
        ["restriction.meaning"] = (
            "While processing is restricted we only store your data, unless you consent or Article 18(2) allows otherwise. " +
                "Article 18(3) requires us to inform you before the restriction is lifted.",
            "Pendant la limitation, nous ne faisons que conserver vos données, sauf consentement de votre part ou autre " +
                "cas prévu à l'article 18, paragraphe 2, du RGPD. L'article 18, paragraphe 3, du RGPD nous oblige à vous " +
                "informer avant de lever la limitation."),
        // The objection's purpose decides the law: direct marketing (Art. 21(2)-(3), absolute), research and statistics
        // (Art. 21(6)), any other purpose (Art. 21(1), compelling legitimate grounds).
        ["objection.meaning.direct-marketing"] = (
            "Your objection to direct marketing is absolute: we no longer use your data for it (Article 21(3)).",
            "Votre opposition à la prospection commerciale est absolue" + N + ": nous n'utilisons plus vos données à cette fin " +
                "(article 21, paragraphe 3, du RGPD)."),
        ["objection.meaning.research"] = (
            "For research or statistics we stop processing your data unless the processing is necessary for a task carried " +
                "out in the public interest (Article 21(6)); the table above says what each system did.",
            "À des fins de recherche ou de statistiques, nous cessons de traiter vos données sauf si ce traitement est " +
                "nécessaire à l'exécution d'une mission d'intérêt public (article 21, paragraphe 6, du RGPD)" + N + "; le " +
                "tableau ci-dessus indique ce que chaque système a fait."),
        ["objection.meaning"] = (
            "For this purpose we must stop processing your data unless we demonstrate compelling legitimate grounds that " +
                "override your interests, rights and freedoms, or need it for legal claims (Article 21(1)); the table above " +
                "says what each system did.",
            "Pour cette finalité, nous devons cesser de traiter vos données, sauf si nous démontrons des motifs légitimes " +
                "et impérieux qui prévalent sur vos intérêts, droits et libertés, ou si elles sont nécessaires à la " +
                "constatation, à l'exercice ou à la défense de droits en justice (article 21, paragraphe 1, du RGPD)" + N +
                "; le tableau ci-dessus indique ce que chaque système a fait."),
        ["rectification.statement"] = (
            "You also asked us to keep a supplementary statement with your data. We sent it to each system listed above, to " +
                "be kept with your data there:",
            "Vous nous avez également demandé de conserver une déclaration complémentaire avec vos données. Nous l'avons " +
                "transmise à chacun des systèmes ci-dessus, pour qu'elle y soit conservée avec vos données" + N + ":"),
        ["consent.meaning"] = ("Withdrawing consent does not affect the lawfulness of processing before the withdrawal (Article 7(3)).",
            "Le retrait du consentement ne remet pas en cause la licéité du traitement effectué avant ce retrait " +
                "(article 7, paragraphe 3, du RGPD)."),
        // Not "the data you provided": the archive is not filtered to what the subject provided (Art. 20(1)).
        ["portability.files"] = (
            "The attached archive holds the data about you that we hold in these systems, one JSON and one CSV file per " +
                "system and category; manifest.json lists each file with its SHA-256 digest so you can check nothing was altered.",
            "L'archive jointe contient les données vous concernant que nous détenons dans ces systèmes, un fichier " +
                "JSON et un fichier CSV par système et par catégorie" + N + "; manifest.json liste chaque " +
                "fichier avec son empreinte SHA-256 pour vérifier que rien n'a été modifié."),
        ["refusal.title"] = ("Your request: why we cannot act on it",
            "Votre demande" + N + ": pourquoi nous ne pouvons pas y donner suite"),
        ["refusal.intro"] = ("We received your request {0} on {1}. We will not act on it, for the following reason (Article 12(4) GDPR):",
            "Nous avons reçu votre demande {0} le {1}. Nous n'y donnerons pas suite, pour la raison suivante " +
                "(article 12, paragraphe 4, du RGPD)" + N + ":"),
        ["refusal.remedy"] = (
            "You may challenge this decision: lodge a complaint with the supervisory authority " +
                "(Article 77) and seek a judicial remedy before the courts (Article 79).",
            "Vous pouvez contester cette décision" + N + ": introduire une réclamation auprès de " +
                "l'autorité de contrôle (article 77 du RGPD) et former un recours juridictionnel (article 79 du RGPD)."),
        ["exemptions"] = ("Part of the data was withheld under: {0}.",
            "Une partie des données n'a pas été communiquée, en application des dispositions suivantes" + N + ": {0}."),
        // GDPR Art. 12(4): a request answered only in part is refused for the rest; the letter says why and how to challenge it.
        ["partial"] = ("What we did not do, and why", "Ce que nous n'avons pas fait, et pourquoi"),
        ["partial.intro"] = ("We acted on your request only in part, for the following reason (Article 12(4) GDPR):",
            "Nous n'avons donné suite à votre demande qu'en partie, pour la raison suivante " +
                "(article 12, paragraphe 4, du RGPD)" + N + ":"),
        ["exemptions.applied"] = ("The exemptions we applied: {0}.", "Les exceptions que nous avons appliquées" + N + ": {0}."),
        // French formal letters greet "Madame, Monsieur," whoever writes (the name heads the letter) and close to match;
        // English closes "Yours sincerely" after a name and "Yours faithfully" after "Dear Sir or Madam".
        ["greeting"] = ("Dear {0},", "Madame, Monsieur,"),
        ["greeting.anonymous"] = ("Dear Sir or Madam,", "Madame, Monsieur,"),
        ["intro"] = (
            "We received your request {0} on {1}. This letter answers it under " +
                "Article {2} of the General Data Protection Regulation (GDPR).",
            "Nous avons reçu votre demande {0} le {1}. Ce courrier y répond en application de " +
                "l'article {2} du règlement général sur la protection des données (RGPD)."),
        ["intro.national"] = ("We received your request {0} on {1}. This letter answers it under Article {2}.",
            "Nous avons reçu votre demande {0} le {1}. Ce courrier y répond en application de l'article {2}."),
        ["confirmation.none"] = (
            "We searched every system that could hold personal data about you and found none: we do not process personal data about you.",
            "Nous avons cherché dans chacun des systèmes susceptibles de contenir des données personnelles vous " +
                "concernant et n'en avons trouvé aucune" + N + ": nous ne traitons pas de données personnelles vous concernant."),
        // A system that failed, timed out or was skipped was not searched: the letter never counts it as searched.
        ["confirmation.incomplete"] = (
            "We found no personal data about you in the systems we searched, but we could not search every system, so we " +
                "cannot yet confirm that we process none.",
            "Nous n'avons trouvé aucune donnée personnelle vous concernant dans les systèmes où nous avons cherché, mais " +
                "nous n'avons pas pu chercher dans tous nos systèmes" + N + ": nous ne pouvons donc pas encore confirmer " +
                "que nous n'en traitons aucune."),
        ["not-searched"] = ("Where we could not search", "Où nous n'avons pas pu chercher"),
        ["not-searched.text"] = (
            "We could not search these systems: they reported an error or did not answer in time. This letter therefore " +
                "does not include any data they may hold about you. You may ask us to search them again at any time, " +
                "quoting the reference {0}; you may also lodge a complaint with the supervisory authority (Article 77) and " +
                "seek a judicial remedy before the courts (Article 79).",
            "Nous n'avons pas pu chercher dans ces systèmes" + N + ": ils ont signalé une erreur ou n'ont pas répondu à " +
                "temps. Ce courrier ne contient donc pas les données qu'ils pourraient détenir à votre sujet. Vous pouvez " +
                "nous demander à tout moment d'y chercher de nouveau, en rappelant la référence {0}" + N + "; vous pouvez " +
                "aussi introduire une réclamation auprès de l'autorité de contrôle (article 77 du RGPD) et former un " +
                "recours juridictionnel (article 79 du RGPD)."),
        ["not-completed"] = ("What we could not do", "Ce que nous n'avons pas pu faire"),
        ["not-completed.text"] = (
            "We could not complete your request in {0}: the system reported an error or did not answer in time, so your " +
                "request has not been carried out there. You may ask us to try again at any time, quoting the reference " +
                "{1}; you may also lodge a complaint with the supervisory authority (Article 77) and seek a judicial " +
                "remedy before the courts (Article 79).",
            "Nous n'avons pas pu mener votre demande à bien dans les systèmes suivants" + N + ": {0}. Ils ont signalé une " +
                "erreur ou n'ont pas répondu à temps" + N + "; votre demande n'y a donc pas été exécutée. Vous pouvez nous " +
                "demander à tout moment de recommencer, en rappelant la référence {1}" + N + "; vous pouvez aussi " +
                "introduire une réclamation auprès de l'autorité de contrôle (article 77 du RGPD) et former un recours " +
                "juridictionnel (article 79 du RGPD)."),
        ["searched"] = ("Where we searched", "Où nous avons cherché"),
        ["col.purpose"] = ("Purpose", "Finalité"), ["col.recipient"] = ("Recipient", "Destinataire"), ["col.role"] = ("Role", "Rôle"),
        ["col.period"] = ("Period or criteria", "Durée ou critères"), ["col.source"] = ("Source", "Source"),
        ["col.country"] = ("Country", "Pays"),
        ["col.safeguard"] = ("Safeguard", "Garantie"),
        ["confirmation"] = ("We confirm that we process personal data about you.",
            "Nous confirmons traiter des données personnelles vous concernant."),
        ["controller"] = ("Who we are", "Qui nous sommes"),
        ["dpo"] = ("Data protection officer", "Délégué à la protection des données"),
        ["purposes"] = ("Why we process your data, and on what legal basis",
            "Pourquoi nous traitons vos données, et sur quelle base légale"),
        ["categories"] = ("Categories of data", "Catégories de données"),
        ["recipients"] = ("Who receives your data", "Qui reçoit vos données"),
        ["retention"] = ("How long we keep it", "Combien de temps nous les conservons"),
        ["sources"] = ("Where data we did not collect from you came from",
            "D'où viennent les données que nous n'avons pas collectées auprès de vous"),
        ["automated"] = ("Automated decision-making", "Décisions automatisées"),
        ["automated.none"] = ("We take no decision about you based solely on automated processing (Article 22).",
            "Nous ne prenons aucune décision vous concernant fondée exclusivement sur un traitement automatisé " +
                "(article 22 du RGPD)."),
        ["transfers"] = ("Transfers outside the European Economic Area", "Transferts hors de l'Espace économique européen"),
        ["transfers.none"] = ("Your data is not transferred outside the EEA.", "Vos données ne sont pas transférées hors de l'EEE."),
        ["rights"] = ("Your rights", "Vos droits"),
        ["rights.text"] = (
            "You may ask us to rectify, erase or restrict the processing of " +
                "your data, and object to its processing (Articles 16 to 21 GDPR).",
            "Vous pouvez nous demander de rectifier ou d'effacer vos données ou d'en limiter le traitement" + N + "; vous " +
                "pouvez également vous opposer à leur traitement (articles 16 à 21 du RGPD)."),
        // GDPR Art. 77(1): any supervisory authority, in particular where the subject lives or works or where the
        // infringement happened; the register names the controller's own.
        ["complaint"] = (
            "You have the right to lodge a complaint with a supervisory authority, in particular in the Member State of " +
                "your habitual residence, place of work or place of the alleged infringement (Article 77(1) GDPR). " +
                "Our supervisory authority is: {0}.",
            "Vous avez le droit d'introduire une réclamation auprès d'une autorité de contrôle, en particulier dans " +
                "l'État membre de votre résidence habituelle, de votre lieu de travail ou du lieu où la violation aurait " +
                "été commise (article 77, paragraphe 1, du RGPD). Notre autorité de contrôle est" + N + ": {0}."),
        ["copy"] = ("A copy of your data", "Une copie de vos données"),
        ["copy.more"] = (
            "{0} more {0:plural:record is|records are} in the machine-readable files of this response.",
            "{0} {0:plural:enregistrement de plus figure|enregistrements de plus figurent} dans les fichiers lisibles " +
                "par machine de cette réponse."),
        ["copy.complete"] = (
            "The complete copy of your data, every record and not only the first rows shown in the tables below, is in " +
                "the ZIP file {0}, which you download together with this letter. It holds this letter (letter.pdf), one " +
                "JSON file and one CSV file per system and category, and manifest.json, which lists every file with its " +
                "size and SHA-256 digest so that you can check nothing was altered.",
            "La copie complète de vos données, chaque enregistrement et pas seulement les premières lignes des tableaux " +
                "ci-dessous, figure dans le fichier ZIP {0}, que vous téléchargez avec cette lettre. Il contient cette " +
                "lettre (letter.pdf), un fichier JSON et un fichier CSV par système et par catégorie, et manifest.json, qui " +
                "indique la taille et l'empreinte SHA-256 de chaque fichier pour que vous puissiez vérifier que rien n'a été " +
                "modifié."),
        ["copy.files"] = ("The files in {0}", "Les fichiers de {0}"),
        ["copy.more.files"] = ("{0} more {0:plural:record is|records are} in {1} and {2} in the ZIP file {3}.",
            "{0} {0:plural:enregistrement de plus figure|enregistrements de plus figurent} dans {1} et {2} du fichier ZIP {3}."),
        ["system"] = ("System", "Système"),
        ["erased"] = ("What we erased", "Ce que nous avons effacé"),
        ["kept"] = ("What we had to keep, and why", "Ce que nous avons dû conserver, et pourquoi"),
        ["kept.none"] = ("We kept nothing.", "Nous n'avons rien conservé."),
        // Backups age out; a system restored from one gets the erasure again (Backups/BackupRestores.cs).
        ["backups"] = ("Backup copies are deleted within {0} {0:plural:day|days}; if a system is ever restored from one, " +
                "your data is erased from it again.",
            "Les copies de sauvegarde sont supprimées dans un délai de {0} {0:plural:jour|jours} ; si un système est " +
                "restauré à partir de l'une d'elles, vos données y sont de nouveau effacées."),
        ["recipients.notified.erasure"] = (
            "We tell every recipient of your data about the erasure (Article 19 GDPR); on request, we will tell you who they are.",
            "Nous informons chaque destinataire de vos données de l'effacement " +
                "(article 19 du RGPD)" + N + "; sur demande, nous vous indiquerons qui ils sont."),
        ["recipients.notified.rectification"] = (
            "We tell every recipient of your data about the correction (Article 19 GDPR); on request, we will tell you who they are.",
            "Nous informons chaque destinataire de vos données de la rectification " +
                "(article 19 du RGPD)" + N + "; sur demande, nous vous indiquerons qui ils sont."),
        ["recipients.notified.restriction"] = (
            "We tell every recipient of your data about the restriction (Article 19 GDPR); on request, we will tell you who they are.",
            "Nous informons chaque destinataire de vos données de la limitation " +
                "(article 19 du RGPD)" + N + "; sur demande, nous vous indiquerons qui ils sont."),
        ["col.system"] = ("System", "Système"), ["col.outcome"] = ("Outcome", "Résultat"),
        ["col.what"] = ("What was done", "Ce qui a été fait"),
        ["col.when"] = ("When", "Quand"), ["col.category"] = ("Data", "Données"), ["col.basis"] = ("Legal basis", "Base légale"),
        ["col.until"] = ("Kept until", "Conservées jusqu'au"),
        ["extension-notice.title"] = ("Your request: we need more time to answer",
            "Votre demande" + N + ": nous avons besoin de plus de temps pour y répondre"),
        ["extension.intro"] = (
            "We received your request {0} on {1}. We were due to answer by {2}. Article 12(3) GDPR allows " +
                "us to extend that period by up to two further months, taking into account the complexity and " +
                "number of requests, provided we tell you within the first month and say why. Our reasons:",
            "Nous avons reçu votre demande {0} le {1}. Nous devions y répondre au plus tard le {2}. L'article 12, " +
                "paragraphe 3, du RGPD nous permet de prolonger ce délai de deux mois au plus, compte tenu de la complexité " +
                "et du nombre de demandes, à condition de vous en informer dans le premier mois en indiquant pourquoi. " +
                "Nos raisons" + N + ":"),
        ["extension.due"] = ("We will answer by {0} at the latest.", "Nous vous répondrons au plus tard le {0}."),
        ["identity-request.title"] = ("Your request: please confirm that it comes from you",
            "Votre demande" + N + ": merci de confirmer qu'elle émane de vous"),
        ["identity-request.intro"] = (
            "We received your request {0} on {1}. Before we act on it we must be sure it comes " +
                "from you, so that nobody else obtains or changes your data (Article 12(6) GDPR).",
            "Nous avons reçu votre demande {0} le {1}. Avant d'y donner suite, nous devons nous assurer qu'elle émane " +
                "bien de vous, afin que personne d'autre n'obtienne ou ne modifie vos données " +
                "(article 12, paragraphe 6, du RGPD)."),
        ["identity-request.how"] = ("How to confirm", "Comment confirmer"),
        ["identity-request.email"] = ("Open the link in the e-mail we sent to the address you gave us. It is valid until {0}.",
            "Ouvrez le lien de l'e-mail que nous avons envoyé à l'adresse que vous nous avez indiquée. Il est valable jusqu'au {0}."),
        ["identity-request.manual"] = (
            "Or reply with details that let us recognise you, such as your customer number or the " +
                "postal address on your account, quoting the reference {0}. Send only what is needed: " +
                "we ask for an identity document only if we cannot confirm your identity otherwise.",
            "Ou répondez-nous avec des éléments qui nous permettent de vous reconnaître, comme votre numéro de " +
                "client ou l'adresse postale de votre compte, en rappelant la référence {0}. N'envoyez que le nécessaire" + N + ": " +
                "nous ne demandons une pièce d'identité que si nous ne pouvons pas vous identifier autrement."),
        // What the engine does (EDPB Guidelines 01/2022 §79 would have only the check recorded): it records that and how
        // the identity was checked, and a document sent through the portal stays, encrypted, with the request.
        ["identity-request.use"] = (
            "We use what you send only to confirm your identity, and for nothing else; we record that your identity was " +
                "checked and how. Please send a copy of an identity document only if we ask for one: a document you send " +
                "is kept, encrypted, with the record of your request.",
            "Nous n'utilisons ce que vous nous envoyez que pour confirmer votre identité, et à aucune autre fin" + N + "; " +
                "nous consignons que votre identité a été vérifiée, et comment. N'envoyez la copie d'une pièce d'identité " +
                "que si nous vous la demandons" + N + ": un document que vous nous envoyez est conservé, chiffré, avec le " +
                "dossier de votre demande."),
        ["identity-request.clock"] = ("The period we have to answer is suspended until we receive your confirmation.",
            "Le délai dont nous disposons pour vous répondre est suspendu jusqu'à réception de votre confirmation."),
        ["outcome.done"] = ("done", "effectué"),
        ["outcome.partial"] = ("done in part", "effectué en partie"),
        ["outcome.not-found"] = ("no data found", "aucune donnée trouvée"),
        ["outcome.not-completed"] = ("not completed", "non effectué"),
        ["signature"] = ("Yours sincerely,", "Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées."),
        ["signature.anonymous"] = ("Yours faithfully,",
            "Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées."),
        // The PDF's footer; {0} and {1} are Chromium's page number and page count.
        ["page"] = ("Page {0} of {1}", "Page {0} sur {1}"),
    };

    // What a system's status says in a letter: done, partial or not-found as the system (or a person completing it by
    // hand) answered; anything else (failed, timed out, or never answered because a person skipped the step) is
    // "not-completed", never "done" (review E6).
    public static string Outcome(string outcome) => outcome is "done" or "partial" or "not-found" ? outcome : "not-completed";

    // French puts a (narrow no-break) space before a colon; English and Russian do not.
    public static string Colon(string language) => language == "fr" ? "\u202F: " : ": ";

    // A language whose table lacks the key falls back to English (a test lists every key missing in a language).
    public static string T(string language, string key, params object?[] args)
    {
        if (FourLanguageTexts.TryGetValue(key, out var p))
            return string.Format(Formats(language), language switch { "fr" => p.Fr, "ru" => p.Ru, "pt" => p.Pt, _ => p.En }, args);
        var (en, fr, ru) = Texts.TryGetValue(key, out var t) ? (t.En, t.Fr, (string?)null) : RightsTexts[key];
        var text = language switch
        {
            "fr" => fr,
            "ru" => ru ?? Russian.GetValueOrDefault(key, en),
            "pt" => Portuguese.GetValueOrDefault(key, en),
            _ => en,
        };
        return string.Format(Formats(language), text, args);
    }

    // Numbers as the language writes them; Russian also picks a noun's form by the number before it.
    private static IFormatProvider Formats(string language) => language switch
    {
        "ru" => RussianPlural.Instance,
        "fr" => LatinPlural.French,
        "en" => LatinPlural.English,
        _ => System.Globalization.CultureInfo.GetCultureInfo(language),
    };

    // The keys a language has no text of its own for (English has them all).
    public static IEnumerable<string> MissingIn(string language) => language switch
    {
        "en" or "fr" => [],
        "ru" => Texts.Keys.Where(k => !Russian.ContainsKey(k)),
        "pt" => Texts.Keys.Where(k => !Portuguese.ContainsKey(k)),
        _ => Texts.Keys,
    };

    // A long date in the letter's locale: month first where the locale writes it first (en-US), else day first.
    // Russian writes the year's abbreviation after it: "2 ноября 2026 г." (the month in the genitive, which .NET
    // picks because a day precedes it).
    public static string Date(Workflows.Packs.LetterModel model, DateOnly date)
    {
        var culture = Culture(model.Locale, model.Language);
        var monthFirst = culture.DateTimeFormat.ShortDatePattern.StartsWith('M');
        var pattern = monthFirst ? "MMMM d, yyyy" : "d MMMM yyyy";
        if (culture.TwoLetterISOLanguageName == "pt")
            pattern = "d 'de' MMMM 'de' yyyy"; // Portuguese: "2 de novembro de 2026"
        // French writes the first of the month as an ordinal: "1er mars 2025".
        if (culture.TwoLetterISOLanguageName == "fr" && date.Day == 1)
            pattern = pattern.Replace("d ", "d'er' ", StringComparison.Ordinal);
        return date.ToString(culture.TwoLetterISOLanguageName == "ru" ? pattern + " 'г.'" : pattern, culture);
    }

    // The language in the organisation's country when .NET knows that culture (fr-BE, en-US, en-IE, ru-BY), else the
    // language's default (fr-FR, en-GB, ru-RU).
    public static string LocaleFor(string language, string? jurisdiction)
    {
        var country = jurisdiction is { Length: >= 2 } j ? j[..2].ToUpperInvariant() : "";
        var name = $"{language}-{country}";
        return country.Length == 2 && SpecificCultures.Contains(name) ? name : "";
    }

    // The cultures .NET (ICU) knows, read once: every letter asks.
    private static readonly HashSet<string> SpecificCultures = new(
        System.Globalization.CultureInfo.GetCultures(System.Globalization.CultureTypes.SpecificCultures).Select(c => c.Name),
        StringComparer.OrdinalIgnoreCase);

    private static System.Globalization.CultureInfo Culture(string locale, string language) =>
        System.Globalization.CultureInfo.GetCultureInfo(locale.Length > 0 ? locale : Workflows.Requests.Languages.DefaultCulture(language));
}
