namespace DsarEngine.Connectors.Contracts;

/// <summary>
/// What the engine accepts as an exported file (<see cref="ExportFileManifest"/>). A reply that breaks a rule is refused
/// (the task fails with <c>export-file-refused</c>, or <c>export-too-large</c>) and its chunks are deleted.
/// </summary>
public static class ExportFileRules
{
    /// <summary>At most this many files per export.</summary>
    public const int MaxFiles = 100;

    /// <summary>At most this many characters in a file's name.</summary>
    public const int MaxNameLength = 160;

    /// <summary>
    /// The media types a file may have: pictures, sound, video, PDF and plain text, which a subject can open without
    /// special software. Anything else (executables, archives, <c>application/octet-stream</c>) is refused.
    /// </summary>
    public static IReadOnlySet<string> MediaTypes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/tiff",
        "audio/mpeg", "audio/wav", "audio/ogg", "audio/mp4", "audio/webm", "audio/flac",
        "video/mp4", "video/webm", "application/pdf", "text/plain",
    };

    /// <summary>
    /// Why <paramref name="name"/> is not acceptable, or null: a name is one path segment of printable characters
    /// (no <c>/</c>, <c>\</c> or <c>:</c>, not <c>.</c> or <c>..</c>, no leading dot or space, no trailing dot or space),
    /// at most <see cref="MaxNameLength"/> characters. The archive writes it under <c>files/&lt;system&gt;/</c>.
    /// </summary>
    public static string? NameProblem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return "a file needs a name";
        if (name.Length > MaxNameLength)
            return $"a file name has at most {MaxNameLength} characters";
        if (name.IndexOfAny(['/', '\\', ':']) >= 0 || name.Any(char.IsControl) || name.Any(c => char.GetUnicodeCategory(c) is
            System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.LineSeparator
            or System.Globalization.UnicodeCategory.ParagraphSeparator))
            return "a file name is one name, without folders, colons or control characters";
        if (name[0] is '.' or ' ' || name[^1] is '.' or ' ')
            return "a file name neither starts with a dot or space nor ends with one";
        return null;
    }

    /// <summary>Why <paramref name="mediaType"/> is not acceptable, or null.</summary>
    public static string? MediaTypeProblem(string? mediaType) =>
        mediaType is not null && MediaTypes.Contains(mediaType) ? null : $"a file's media type is one of: {string.Join(", ", MediaTypes)}";
}
