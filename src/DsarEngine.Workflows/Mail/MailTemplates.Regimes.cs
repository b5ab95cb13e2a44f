using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Mail;

// An e-mail in the wording of the law its request falls under (RegimeMailTexts); a template that does not depend on the
// law, or a request under the GDPR, renders as MailTemplates.Render does.
internal static partial class MailTemplates
{
    public static (string Subject, string Body) Render(
        string template, string language, IReadOnlyDictionary<string, string> values, string? regime) =>
        RegimeMailTexts.Texts.TryGetValue((template, RegimeLanguages.Normalise(regime), language), out var text)
            ? (Fill(text.Subject, values), Fill(text.Body, values))
            : Render(template, language, values);

    // The template has a text of its own in this language for a request under this regime (no English fallback).
    public static bool Exists(string template, string language, string regime) =>
        RegimeMailTexts.Texts.ContainsKey((template, RegimeLanguages.Normalise(regime), language)) || Exists(template, language);

    // The language a request's e-mails are written in (as its letters: Requests.RegimeLanguages).
    public static string LanguageFor(string? regime, string language) => RegimeLanguages.For(regime, language);
}
