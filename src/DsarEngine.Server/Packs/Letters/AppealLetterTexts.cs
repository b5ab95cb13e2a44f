namespace DsarEngine.Server.Packs.Letters;

// The appeal decision letter's wording (Va. Code §59.1-577(C), C.R.S. §6-1-1306(3), Conn. Gen. Stat. §42-518(d)): the
// appeals are US state law, so the letter is written in English whatever the request's language.
internal static class AppealLetterTexts
{
    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["title"] = "Your appeal: our decision",
        ["intro"] = "We received on {1} your appeal {0} of our decision on your request {2}. This letter tells you the " +
            "action we have taken or not taken in response to your appeal, and why ({3}).",
        ["upheld"] = "We have reviewed your appeal and we uphold our decision: we will not take the action you asked for in " +
            "request {0}. Our reasons:",
        ["reversed"] = "We have reviewed your appeal and we reverse our decision. Our privacy team will act on your request {0} " +
            "and answer it separately.",
        ["partly"] = "We have reviewed your appeal and we reverse our decision in part. Our privacy team will act on the rest " +
            "of your request {0} and answer it separately. What we still decline, and why:",
        ["attorney-general"] = "Your appeal is denied{0}. If you disagree with this decision, you may contact {1} to submit a " +
            "complaint, online at {2}.",
        ["attorney-general.partly"] = " in part",
        ["greeting"] = "Dear {0},",
        ["greeting.anonymous"] = "Dear Sir or Madam,",
        ["signature"] = "Yours sincerely,",
    };

    public static string T(string key, params object?[] args) =>
        args.Length == 0 ? Texts[key] : string.Format(System.Globalization.CultureInfo.InvariantCulture, Texts[key], args);
}
