using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Uploads;

// A document a subject sends, as received: its position among the files sent (1-based), the name and type the
// browser declared (neither is trusted), and the bytes.
internal sealed record IncomingFile(int Position, string Kind, string? FileName, string? DeclaredType, byte[] Content);

// A document that passed the check: its type is the one its content shows.
internal sealed record CheckedFile(string Kind, string FileName, string MediaType, byte[] Content);

// Why a file was refused: its position and the rule it broke (the form names it to the person in their language).
internal sealed record UploadRefusal(int Position, string Rule);

internal static class UploadRules
{
    public const string TooMany = "too-many";
    public const string TooLarge = "too-large";
    public const string Empty = "empty";
    public const string Type = "type";
    public const string TypeMismatch = "type-mismatch";
}

// Only documents people send as proof are accepted: PDF, PNG, JPEG, recognised by their first bytes. The declared type
// and the extension are what an attacker controls, so they can only refuse a file, never admit one: a declared type that
// disagrees with the content is refused (a ".pdf" holding a PNG is a mistake or a trick; either way staff would be misled).
internal sealed class UploadCheck(IOptions<UploadOptions> options)
{
    private static readonly (string MediaType, byte[] Magic)[] Signatures =
    [
        ("application/pdf", "%PDF-"u8.ToArray()),
        ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("image/jpeg", [0xFF, 0xD8, 0xFF]),
    ];

    public UploadOptions Limits => options.Value;

    public (IReadOnlyList<CheckedFile> Files, IReadOnlyList<UploadRefusal> Refusals) Check(IReadOnlyList<IncomingFile> files)
    {
        var refusals = new List<UploadRefusal>();
        if (files.Count > Limits.MaxFiles)
            return ([], [new UploadRefusal(Limits.MaxFiles + 1, UploadRules.TooMany)]);
        var accepted = new List<CheckedFile>(files.Count);
        foreach (var file in files)
        {
            if (Rule(file) is { } rule)
                refusals.Add(new UploadRefusal(file.Position, rule));
            else
                accepted.Add(new CheckedFile(file.Kind, SafeName(file.FileName), Sniff(file.Content)!, file.Content));
        }
        return refusals.Count > 0 ? ([], refusals) : (accepted, []);
    }

    private string? Rule(IncomingFile file)
    {
        if (file.Content.Length == 0)
            return UploadRules.Empty;
        if (file.Content.Length > Limits.MaxBytes)
            return UploadRules.TooLarge;
        if (Sniff(file.Content) is not { } actual)
            return UploadRules.Type;
        var declared = file.DeclaredType?.Split(';')[0].Trim().ToLowerInvariant();
        // Browsers send application/octet-stream when they do not know; that says nothing, so it does not disagree.
        var agrees = string.IsNullOrEmpty(declared) || declared == "application/octet-stream" || declared == actual
            || (declared == "image/jpg" && actual == "image/jpeg") || (declared == "image/pjpeg" && actual == "image/jpeg");
        var extension = Path.GetExtension(file.FileName ?? "").ToLowerInvariant();
        var extensionAgrees = extension switch
        {
            ".pdf" => actual == "application/pdf",
            ".png" => actual == "image/png",
            ".jpg" or ".jpeg" or ".jfif" => actual == "image/jpeg",
            _ => true,
        };
        return agrees && extensionAgrees ? null : UploadRules.TypeMismatch;
    }

    public static string? Sniff(ReadOnlySpan<byte> content)
    {
        foreach (var (mediaType, magic) in Signatures)
            if (content.StartsWith(magic))
                return mediaType;
        return null;
    }

    // The name as staff will see it: no path, no control characters, at most 200 characters.
    private static string SafeName(string? name)
    {
        var bare = Path.GetFileName((name ?? "").Replace('\\', '/'));
        var clean = new string([.. bare.Where(c => !char.IsControl(c))]).Trim();
        return clean.Length == 0 ? "document" : clean.Length > 200 ? clean[..200] : clean;
    }
}
