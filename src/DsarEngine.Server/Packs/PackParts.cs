namespace DsarEngine.Server.Packs;

// The parts of a request's answer, as the subject downloads them (`?part=`), and the stored kind of each. An access
// answer is the letter and the full copy (GDPR Art. 15(3)); a portability answer is its archive (the letter is inside
// it, and may be downloaded alone); every other right's answer is its letter.
internal static class PackParts
{
    public const string Letter = "letter";
    public const string Copy = "copy";
    public const string Archive = "archive";

    // The stored kinds (response_packs.kind) of the parts, in the order the parts are listed.
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Letter] = "letter", [Copy] = PackKinds.AccessCopy, [Archive] = PackKinds.PortabilityArchive,
    };

    public static bool IsKnown(string part) => Kinds.ContainsKey(part);

    // What a download without `part` opens: the archive for portability (as before parts existed), else the letter.
    public static string Default(string rightKind) => rightKind == "portability" ? Archive : Letter;
}

// The kinds of stored documents that are not letters, and how each is handed out.
internal static class PackKinds
{
    public const string AccessCopy = "access-copy";
    public const string PortabilityArchive = "portability-zip";
    public const string ResultsArchive = "results-zip";

    // The ZIPs hold every exported record: staff reads of them are journaled with who read them.
    public static bool IsArchive(string kind) => kind is AccessCopy or PortabilityArchive or ResultsArchive;

    public static string MediaType(string kind) => IsArchive(kind) ? "application/zip" : "application/pdf";

    public static string FileName(string reference, string kind) => $"{reference}-{kind}.{(IsArchive(kind) ? "zip" : "pdf")}";

    // The name the subject's copy is downloaded under, which the access letter names.
    public static string CopyFileName(string reference) => $"{reference}-copy.zip";
}
