namespace DsarEngine.Server.Packs.Letters;

// The answer to a California opt-out of sale/sharing (Cal. Civ. Code §1798.120, §1798.135; 11 CCR §7026) or request to limit
// the use of sensitive personal information (§1798.121; 11 CCR §7027). California law, so written in English whatever the
// request's language, and citing no GDPR article. Keys: "<right>.<part>" where the rights differ, "<part>" where they share.
internal static class CcpaOptOutLetterTexts
{
    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["opt-out-of-sale-sharing.title"] = "Your request to opt out of the sale or sharing of your personal information",
        ["limit-sensitive-use.title"] = "Your request to limit the use of your sensitive personal information",
        ["opt-out-of-sale-sharing.intro"] = "We received your request {0} on {1}: you asked us not to sell or share your personal " +
            "information (California Consumer Privacy Act, Cal. Civ. Code §1798.120 and §1798.135).",
        ["limit-sensitive-use.intro"] = "We received your request {0} on {1}: you asked us to limit our use and disclosure of your " +
            "sensitive personal information (California Consumer Privacy Act, Cal. Civ. Code §1798.121).",
        ["no-verification"] = "This request is not one we may ask you to verify, and we did not ask you to prove your identity " +
            "(11 CCR §{0}). The law requires us to act on it as soon as feasibly possible and no later than 15 business days " +
            "after we received it.",
        ["gpc"] = "Your browser sent a Global Privacy Control signal with this request. We treat that signal as a request to " +
            "opt out of the sale and sharing of personal information for that browser, and for any consumer profile we " +
            "associate with it (11 CCR §7025).",
        ["done.where"] = "What each of our systems did",
        ["none"] = "None of our systems is registered with us as selling or sharing personal information, or as using " +
            "sensitive personal information beyond what the law allows, so no system had anything to change. Your request " +
            "is recorded and applies to any such system.",
        ["not-completed"] = "Not yet completed",
        ["not-completed.text"] = "These systems have not confirmed that they acted on your request: {0}. We are following it " +
            "up; you may ask us about it at any time, quoting {1}.",
        ["opt-out-of-sale-sharing.meaning"] = "From the date each system acted, we no longer sell your personal information or " +
            "share it for cross-context behavioral advertising. We will not ask you to opt back in for at least 12 months " +
            "(Cal. Civ. Code §1798.135(c)(4)).",
        ["limit-sensitive-use.meaning"] = "From the date each system acted, we use and disclose your sensitive personal " +
            "information only for the purposes the regulations allow, such as providing the goods or services you ask for " +
            "and keeping them secure (11 CCR §7027(m)).",
        ["third-parties"] = "Third parties we notify",
        ["third-parties.intro"] = "Our systems reported these third parties, to whom your personal information was sold, shared " +
            "or disclosed after you made your request and before we acted on it. We tell each of them of your request and " +
            "direct them to comply with it and to pass it on to anyone they gave your information to in that time " +
            "(11 CCR §{0}).",
        ["third-parties.none"] = "None of our systems reported selling, sharing or disclosing your personal information to a " +
            "third party after you made your request, so there is no third party to tell (11 CCR §{0}).",
        ["col.system"] = "System", ["col.outcome"] = "Outcome", ["col.what"] = "What was done", ["col.when"] = "When",
        ["col.third-party"] = "Third party",
        ["outcome.done"] = "done", ["outcome.partial"] = "done in part", ["outcome.not-found"] = "no data found",
        ["outcome.not-completed"] = "not completed",
        ["refused"] = "We will not act on this request. We have a good-faith, reasonable and documented belief that it is " +
            "fraudulent (11 CCR §{0}), for this reason:",
        ["refused.next"] = "If the request was yours, write to us quoting {0} and we will look at it again.",
        ["non-discrimination"] = "We will not discriminate against you for exercising your rights under the CCPA (Cal. Civ. " +
            "Code §1798.125).",
        ["complaint"] = "If you believe we have not honored your request, you may contact the California Privacy Protection " +
            "Agency (cppa.ca.gov) or the California Attorney General (oag.ca.gov/privacy).",
        ["greeting"] = "Dear {0},",
        ["greeting.anonymous"] = "Dear Sir or Madam,",
        ["signature"] = "Sincerely,",
    };

    // The regulation's provision for the right: §7026 for opt-outs of sale/sharing, §7027 for requests to limit.
    // What: "verification" (not a verifiable request), "fraud" (the only ground to deny), "third-parties" (who is told).
    public static string Section(string right, string what) => (right, what) switch
    {
        ("limit-sensitive-use", "third-parties") => "7027(g)",
        ("limit-sensitive-use", _) => "7027",
        (_, "verification") => "7026(d)",
        (_, "fraud") => "7026(e)",
        _ => "7026(f)(2)",
    };

    public static string T(string key, params object?[] args) =>
        args.Length == 0 ? Texts[key] : string.Format(System.Globalization.CultureInfo.InvariantCulture, Texts[key], args);
}
