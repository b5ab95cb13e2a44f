using DsarEngine.Workflows.Packs;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Server.Packs.Letters;

// Who a letter speaks as: its language, the law it answers under (the request's regime) and the right asked for. The
// letters write LetterTexts.T(voice, key); it reads as the language where only the language matters (Colon, Date).
internal readonly record struct LetterVoice(LetterModel Model)
{
    public string Language => Model.Language;

    public string Regime => RegimeLanguages.Normalise(Model.Regime);

    public static implicit operator string(LetterVoice voice) => voice.Language;
}

// The wording that depends on the law. The tables of LetterTexts (English, French, Russian, Portuguese) are GDPR's;
// every other regime replaces each key that names a law, an article, an authority or a territory (LawKeys) with its
// own, in each language RegimeLanguages lists for it (a test holds every table to LawKeys). Law in these texts:
// UK GDPR and the Data Protection Act 2018; Cal. Civ. Code §1798.100 ff. and the CCPA Regulations (11 CCR §7000 ff.);
// Va. Code §59.1-575 ff., C.R.S. §6-1-1301 ff., Conn. Gen. Stat. §42-515 ff.; PIPEDA (S.C. 2000, c. 5); LGPD (Lei
// 13.709/2018); Federal Law 152-FZ of 27 July 2006. A regime's text may name the controller's contact (%contact%) and
// the request's reference (%reference%); the intro's citation comes from "cite.<right>" or "cite" when the regime has
// its own (the GDPR's article numbers mean nothing under the CCPA).
internal static partial class LetterTexts
{
    // The keys that state law; a regime other than GDPR must have each of them in each of its languages.
    public static readonly IReadOnlyList<string> LawKeys =
    [
        "intro", "refusal.intro", "refusal.remedy", "extension.intro", "identity-request.intro", "transfers", "transfers.none",
        "rights.text", "complaint", "recipients.notified.erasure", "recipients.notified.rectification",
        "recipients.notified.restriction", "restriction.meaning", "objection.meaning", "consent.meaning", "automated.none",
    ];

    public static string T(LetterVoice voice, string key, params object?[] args)
    {
        if (!RegimeTexts.TryGetValue((voice.Regime, voice.Language), out var table) || !table.TryGetValue(key, out var text))
            return T(voice.Language, key, args);
        if (key == "intro" && args.Length > 2
            && (table.GetValueOrDefault($"cite.{voice.Model.Right}") ?? table.GetValueOrDefault("cite")) is { } cite)
            args = [args[0], args[1], cite];
        var controller = voice.Model.Organisation.Controller;
        var contact = controller.Email ?? controller.Address ?? controller.Name;
        text = text.Replace("%contact%", contact, StringComparison.Ordinal)
            .Replace("%reference%", voice.Model.Reference, StringComparison.Ordinal);
        return string.Format(Formats(voice.Language), text, args);
    }

    // The keys a regime lacks in one of its languages (none, for each regime and language RegimeLanguages lists).
    public static IEnumerable<string> MissingIn(string regime, string language) =>
        RegimeLanguages.Normalise(regime) == RegimeLanguages.Gdpr ? MissingIn(language)
        : RegimeTexts.TryGetValue((RegimeLanguages.Normalise(regime), language), out var table)
            ? LawKeys.Where(k => !table.ContainsKey(k))
            : LawKeys;

    private static readonly Dictionary<(string Regime, string Language), Dictionary<string, string>> RegimeTexts = new()
    {
        [("uk-gdpr", "en")] = UkEnglish,
        [("uk-gdpr", "fr")] = UkFrench,
        [("uk-gdpr", "ru")] = UkRussian,
        [("ccpa", "en")] = CcpaEnglish,
        [("vcdpa", "en")] = UsState(new("Virginia Consumer Data Protection Act", "VCDPA", "Va. Code §59.1-577",
            "Va. Code §59.1-577(A)", "Va. Code §59.1-577(B)", "Va. Code §59.1-577(C)", 60, "the Virginia Attorney General",
            "www.oag.state.va.us")),
        [("cpa", "en")] = UsState(new("Colorado Privacy Act", "CPA", "C.R.S. §6-1-1306", "C.R.S. §6-1-1306(1)",
            "C.R.S. §6-1-1306(2)", "C.R.S. §6-1-1306(3)", 45, "the Colorado Attorney General", "coag.gov")),
        [("ctdpa", "en")] = UsState(new("Connecticut Data Privacy Act", "CTDPA", "Conn. Gen. Stat. §42-518",
            "Conn. Gen. Stat. §42-518(a)", "Conn. Gen. Stat. §42-518(c)", "Conn. Gen. Stat. §42-518(d)", 60,
            "the Connecticut Attorney General", "portal.ct.gov/ag")),
        [("pipeda", "en")] = PipedaEnglish,
        [("pipeda", "fr")] = PipedaFrench,
        [("lgpd", "pt")] = LgpdPortuguese,
        [("lgpd", "en")] = LgpdEnglish,
        [("152-fz", "ru")] = RussiaRussian,
        [("152-fz", "en")] = RussiaEnglish,
    };

    private static Dictionary<string, string> UkEnglish => new(StringComparer.Ordinal)
    {
        ["intro"] = "We received your request {0} on {1}. This letter answers it under Article {2} of the UK General Data " +
            "Protection Regulation (UK GDPR).",
        ["refusal.intro"] = "We received your request {0} on {1}. We will not act on it, for the following reason (Article 12(4) UK GDPR):",
        ["refusal.remedy"] = "You may challenge this decision: complain to the Information Commissioner's Office (ICO), the UK's " +
            "supervisory authority (Article 77 UK GDPR; ico.org.uk/make-a-complaint), and apply to a court (Article 79 UK GDPR " +
            "and section 167 of the Data Protection Act 2018).",
        ["extension.intro"] = "We received your request {0} on {1}. We were due to answer by {2}. Article 12(3) UK GDPR allows us " +
            "to extend that period by up to two further months where requests are complex or numerous, provided we tell you " +
            "within the first month and say why. Our reasons:",
        ["identity-request.intro"] = "We received your request {0} on {1}. Before we act on it we must be sure it comes from you, " +
            "so that nobody else obtains or changes your data (Article 12(6) UK GDPR).",
        ["identity-request.clock"] = "The time we have to answer runs from the day we receive your confirmation (Article 12A UK GDPR).",
        ["transfers"] = "Transfers outside the United Kingdom",
        ["transfers.none"] = "Your data is not transferred outside the UK.",
        ["rights.text"] = "You may ask us to rectify, erase or restrict the processing of your data, and object to its processing " +
            "(Articles 16 to 21 UK GDPR).",
        ["complaint"] = "You have the right to complain to the Information Commissioner's Office (ICO), the UK's supervisory " +
            "authority: ico.org.uk/make-a-complaint.",
        ["recipients.notified.erasure"] = "We tell every recipient of your data about the erasure (Article 19 UK GDPR); on request, " +
            "we will tell you who they are.",
        ["recipients.notified.rectification"] = "We tell every recipient of your data about the correction (Article 19 UK GDPR); " +
            "on request, we will tell you who they are.",
        ["recipients.notified.restriction"] = "We tell every recipient of your data about the restriction (Article 19 UK GDPR); " +
            "on request, we will tell you who they are.",
        ["restriction.meaning"] = "While processing is restricted we only store your data; we will tell you before the restriction " +
            "is lifted (Article 18(3) UK GDPR).",
        ["objection.meaning"] = "For direct marketing your objection is absolute: we no longer use your data for it " +
            "(Article 21(3) UK GDPR).",
        ["consent.meaning"] = "Withdrawing consent does not affect the lawfulness of processing before the withdrawal " +
            "(Article 7(3) UK GDPR).",
        ["automated.none"] = "We take no decision about you based solely on automated processing (Article 22 UK GDPR).",
    };

    // CCPA: no statutory appeal; the refusal says so, and says where one may complain (the CPPA, the Attorney General).
    private static Dictionary<string, string> CcpaEnglish => new(StringComparer.Ordinal)
    {
        ["cite"] = "Cal. Civ. Code §1798.100 and following",
        ["cite.access"] = "Cal. Civ. Code §§1798.100, 1798.110 and 1798.130",
        ["cite.erasure"] = "Cal. Civ. Code §1798.105", ["cite.rectification"] = "Cal. Civ. Code §1798.106",
        ["cite.objection"] = "Cal. Civ. Code §1798.120", ["cite.restriction"] = "Cal. Civ. Code §1798.121",
        ["intro"] = "We received your request {0} on {1}. This letter answers it under the California Consumer Privacy Act, " +
            "as amended by the California Privacy Rights Act (CCPA; {2}).",
        ["refusal.intro"] = "We received your request {0} on {1}. We will not act on it, for the following reason " +
            "(CCPA Regulations, Cal. Code Regs. tit. 11, §§7022 to 7024):",
        ["refusal.remedy"] = "The CCPA gives no right to appeal this decision; if you think we are wrong, you may write to us at " +
            "%contact%, quoting %reference%, and we will look at it again. You may complain to the California Privacy " +
            "Protection Agency (cppa.ca.gov) or to the California Attorney General (oag.ca.gov/privacy).",
        ["extension.intro"] = "We received your request {0} on {1}. We were due to answer within 45 days, by {2}. The CCPA allows " +
            "us to take up to 45 more days, once, when reasonably necessary, provided we tell you within the first 45 days and " +
            "say why (Cal. Civ. Code §1798.130(a)(2)(A)). Our reasons:",
        ["identity-request.intro"] = "We received your request {0} on {1}. Before we act on it we must verify that it comes from " +
            "you, so that nobody else obtains or changes your personal information (Cal. Code Regs. tit. 11, §7060).",
        ["transfers"] = "Transfers outside the United States",
        ["transfers.none"] = "Your personal information is not transferred outside the United States.",
        ["rights.text"] = "You may ask us to tell you what personal information we hold about you, to delete or correct it, to " +
            "stop selling or sharing it and to limit the use of sensitive personal information; we will not discriminate " +
            "against you for doing so (Cal. Civ. Code §§1798.100 to 1798.125).",
        ["complaint"] = "You may contact the California Privacy Protection Agency (cppa.ca.gov) or the California Attorney " +
            "General (oag.ca.gov/privacy) about how we handle your personal information.",
        ["recipients.notified.erasure"] = "We tell our service providers and contractors to delete your personal information, " +
            "and tell every third party to whom we sold or shared it (Cal. Civ. Code §1798.105(c)).",
        ["recipients.notified.rectification"] = "We tell our service providers and contractors about the correction " +
            "(Cal. Code Regs. tit. 11, §7023).",
        ["recipients.notified.restriction"] = "We tell our service providers and contractors about the limit you asked for " +
            "(Cal. Civ. Code §1798.121).",
        ["restriction.meaning"] = "We now use your sensitive personal information only for the purposes the CCPA allows after such " +
            "a request (Cal. Civ. Code §1798.121).",
        ["objection.meaning"] = "We no longer sell or share your personal information (Cal. Civ. Code §1798.120).",
        ["consent.meaning"] = "Withdrawing your consent does not make unlawful what we did before the withdrawal.",
        ["automated.none"] = "We take no decision about you based solely on automated processing.",
    };

    // Virginia, Colorado and Connecticut: every refusal says how to appeal, by when, and that the Attorney General may
    // be contacted if the appeal is denied (Va. Code §59.1-577(C), C.R.S. §6-1-1306(3), Conn. Gen. Stat. §42-518(d)).
    private sealed record StateLaw(string Name, string Short, string Cite, string RightsCite, string ResponseCite,
        string AppealCite, int AppealAnswerDays, string AttorneyGeneral, string AttorneyGeneralSite);

    private static Dictionary<string, string> UsState(StateLaw law) => new(StringComparer.Ordinal)
    {
        ["cite"] = law.Cite,
        ["intro"] = $"We received your request {{0}} on {{1}}. This letter answers it under the {law.Name} ({law.Short}; {{2}}).",
        ["refusal.intro"] = $"We received your request {{0}} on {{1}}. We will not act on it, for the following reason " +
            $"({law.ResponseCite}):",
        ["refusal.remedy"] = $"How to appeal: you may appeal this decision to us ({law.AppealCite}). Write to %contact%, " +
            "quoting %reference% and saying that you appeal, within a reasonable period after you receive this letter. " +
            $"We will answer your appeal in writing within {law.AppealAnswerDays} days of receiving it, saying what we did " +
            $"or did not do and why. If we deny your appeal, you may contact {law.AttorneyGeneral} to submit a complaint " +
            $"({law.AttorneyGeneralSite}).",
        ["extension.intro"] = "We received your request {0} on {1}. We were due to answer within 45 days, by {2}. The " +
            $"{law.Short} allows us to take up to 45 more days, once, when reasonably necessary given the complexity and " +
            $"number of requests, provided we tell you within the first 45 days and say why ({law.ResponseCite}). Our reasons:",
        ["identity-request.intro"] = "We received your request {0} on {1}. Before we act on it we must be able to authenticate it, " +
            $"so that nobody else obtains or changes your personal data ({law.Cite}).",
        ["transfers"] = "Transfers outside the United States",
        ["transfers.none"] = "Your personal data is not transferred outside the United States.",
        ["rights.text"] = "You may confirm whether we process your personal data and access it, correct it, delete it, obtain a " +
            "portable copy, and opt out of its processing for targeted advertising, its sale and profiling " +
            $"({law.RightsCite}).",
        ["complaint"] = $"If we refuse a request, you may appeal to us; if we deny the appeal, you may contact {law.AttorneyGeneral} " +
            $"({law.AttorneyGeneralSite}).",
        ["recipients.notified.erasure"] = "We pass the deletion on to the processors that hold your personal data for us.",
        ["recipients.notified.rectification"] = "We pass the correction on to the processors that hold your personal data for us.",
        ["recipients.notified.restriction"] = "We pass the restriction on to the processors that hold your personal data for us.",
        ["restriction.meaning"] = "We restricted the processing of your personal data as you asked.",
        ["objection.meaning"] = "We no longer process your personal data for targeted advertising, its sale or profiling " +
            $"({law.RightsCite}).",
        ["consent.meaning"] = "Withdrawing your consent does not make unlawful what we did before the withdrawal.",
        ["automated.none"] = "We take no decision about you based solely on automated processing.",
    };

    // PIPEDA s. 8(4): the extension notice states the new limit, the reasons and the right to complain to the
    // Commissioner; s. 8(7): a refusal gives its reasons and the recourse (complaint, s. 11; Federal Court, s. 14).
    private static Dictionary<string, string> PipedaEnglish => new(StringComparer.Ordinal)
    {
        ["cite"] = "Schedule 1", ["cite.access"] = "section 8 and Schedule 1, principle 4.9",
        ["cite.rectification"] = "Schedule 1, principle 4.9.5", ["cite.consent-withdrawal"] = "Schedule 1, principle 4.3.8",
        ["intro"] = "We received your request {0} on {1}. This letter answers it under the Personal Information Protection and " +
            "Electronic Documents Act (PIPEDA), {2}.",
        ["refusal.intro"] = "We received your request {0} on {1}. We will not act on it, for the following reason " +
            "(PIPEDA, subsection 8(7)):",
        ["refusal.remedy"] = "You may complain about this decision to the Privacy Commissioner of Canada (PIPEDA, section 11; " +
            "priv.gc.ca); after the Commissioner's report, you may apply to the Federal Court (section 14).",
        ["extension.intro"] = "We received your request {0} on {1}. We were due to answer within 30 days, by {2}. PIPEDA allows " +
            "us to extend that time limit by up to 30 more days where meeting it would unreasonably interfere with our " +
            "activities or the consultations needed make it impracticable, provided we tell you within the first 30 days " +
            "(subsection 8(4)). Our reasons:",
        ["extension.due"] = "We will answer by {0} at the latest. You may complain to the Privacy Commissioner of Canada about " +
            "this extension (PIPEDA, paragraph 8(4)(b) and section 11; priv.gc.ca).",
        ["identity-request.intro"] = "We received your request {0} on {1}. Before we act on it we must be sure it comes from you, " +
            "so that nobody else obtains or changes your personal information (PIPEDA, Schedule 1, principles 4.7 and 4.9).",
        ["transfers"] = "Transfers outside Canada",
        ["transfers.none"] = "Your personal information is not transferred outside Canada.",
        ["rights.text"] = "You may ask us to correct your personal information, withdraw your consent subject to legal or " +
            "contractual restrictions, and challenge our compliance (PIPEDA, Schedule 1, principles 4.3.8, 4.9.5 and 4.10).",
        ["complaint"] = "You have the right to complain to the Privacy Commissioner of Canada: priv.gc.ca.",
        ["recipients.notified.erasure"] = "We tell those who process your personal information for us about the deletion.",
        ["recipients.notified.rectification"] = "Where appropriate, we send the corrected information to third parties that have " +
            "access to it (PIPEDA, Schedule 1, principle 4.9.5).",
        ["recipients.notified.restriction"] = "We tell those who process your personal information for us about the restriction.",
        ["restriction.meaning"] = "While processing is restricted we only store your personal information.",
        ["objection.meaning"] = "We no longer use your personal information for the purpose you objected to.",
        ["consent.meaning"] = "You may withdraw consent at any time, subject to legal or contractual restrictions and reasonable " +
            "notice; the withdrawal does not affect what we did before it (PIPEDA, Schedule 1, principle 4.3.8).",
        ["automated.none"] = "We take no decision about you based solely on automated processing.",
    };
}
