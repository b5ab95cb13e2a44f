namespace DsarEngine.Server.Conversations;

// The limits of what a person writes: a note, a message or a question to the subject. The same as a clock command's
// reasons (ClockCommands.MaxReasonLength), so every text box of the request page has one limit.
internal static class ConversationText
{
    public const int MaxLength = 2000;

    // The text trimmed, or the error that says what is wrong with it ("what" names the field in words).
    public static (string? Text, string? Error) Check(string? text, string what)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
            return (null, $"Write the {what}: it cannot be empty.");
        return trimmed.Length > MaxLength
            ? (null, $"The {what} is {trimmed.Length} characters long; at most {MaxLength} are allowed.")
            : (trimmed, null);
    }
}
