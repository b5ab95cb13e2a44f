using System.Text;

namespace DsarEngine.Workflows.Mail;

// Text a subject typed that ends up in the organisation's e-mails (their name in the greeting). Line breaks and
// control characters would let public intake write its own paragraphs, or a fake link, into a branded message
// sent to any address (review L5); bidirectional overrides could make that text read differently than it is.
internal static class MailText
{
    public static bool IsUnsafe(char c) =>
        char.IsControl(c) // C0, DEL, C1 (NEL included): CR, LF, TAB, ...
        || char.GetUnicodeCategory(c)
            is System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    public static bool HasUnsafe(string text) => text.Any(IsUnsafe);

    // Intake refuses such names; this is the second line for rows stored before that check, or written by other paths:
    // each run of unsafe characters becomes one space.
    public static string SingleLine(string text)
    {
        if (!HasUnsafe(text))
            return text;
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsUnsafe(c))
                clean.Append(c);
            else if (clean.Length > 0 && clean[^1] != ' ')
                clean.Append(' ');
        }
        return clean.ToString().Trim();
    }
}
