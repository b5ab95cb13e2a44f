namespace DsarEngine.Workflows.Packs;

// Everything one response letter says, gathered before rendering so that templates only lay it out. Public (as are
// the register's records) only because Razor components, public classes by construction, take them as parameters.
public sealed record LetterModel(
    string Language,
    string Reference,
    string Right,
    string? SubjectName,
    DateOnly ReceivedOn,
    DateOnly AnsweredOn,
    ProcessingRegister Organisation,
    IReadOnlyList<SystemSection> Systems)
{
    // GDPR Art. 12(4): why the request was refused; Art. 15(4), 23: the exemptions applied to a partial answer.
    public string? Refusal { get; init; }

    public IReadOnlyList<string> Exemptions { get; init; } = [];

    // The law the request falls under (its regime id: "gdpr", "uk-gdpr", "ccpa", "lgpd", ...): the letter cites it, names
    // its authority and its remedies (Requests.RegimeLanguages; LetterTexts.Regimes.cs).
    public string Regime { get; init; } = "gdpr";

    // GDPR Art. 17(3): the categories a partial erasure keeps, by system (System null: every system).
    public IReadOnlyList<ExemptEntry> Keep { get; init; } = [];

    // GDPR Art. 12(4): set when the request was answered only in part (the assessment's "partial"): why the rest was
    // refused. The letter quotes it with the exemptions and the right to complain and to a judicial remedy.
    public string? PartialReason { get; init; }

    // The culture dates are written in: the letter's language as spoken in the organisation's country ("en-US" writes
    // "November 2, 2026", "en-GB" and "fr-FR" "2 November 2026"); empty means the language's default.
    public string Locale { get; init; } = "";

    // Set for a notice letter (extension, identity-proof request) instead of an answer.
    public NoticeFacts? Notice { get; init; }

    // Set for an access answer that comes with the subject's full copy (GDPR Art. 15(3)): the ZIP the letter names.
    public CopyFacts? Copy { get; init; }

    // The purpose an objection or a consent withdrawal names; its assessment (Art. 21(1)); an Art. 22(3) review.
    public string? Purpose { get; init; }

    public AssessmentFacts? Assessment { get; init; }

    // GDPR Art. 16: the supplementary statement a rectification asked the systems to keep with the subject's data.
    public string? Statement { get; init; }

    public ReviewFacts? Review { get; init; }

    // Set for the answer to an appeal (VA, CO, CT): the request appealed, the outcome and where to complain if denied.
    public AppealFacts? Appeal { get; init; }

    // Set for a portability answer: what the archive left out and why (GDPR Art. 20(1), 20(4); PortabilityScope).
    public PortabilityFacts? Portability { get; init; }

    // 11 CCR §7025: the request came with a Global Privacy Control signal (a CCPA opt-out of sale/sharing for the browser).
    public bool GlobalPrivacyControl { get; init; }
}

// ProvidedOnly: the law limits portability to provided data (GDPR Art. 20(1)); LeftOut: per system and category, how many
// records were left out and why; Unstated: the systems and categories included although the system did not say whether
// they qualify.
public sealed record PortabilityFacts(bool ProvidedOnly, IReadOnlyList<LeftOutEntry> LeftOut, IReadOnlyList<UnstatedEntry> Unstated)
{
    // GDPR Art. 20(2): the controller the subject asked us to send the archive to directly, when they asked.
    public TransmissionFacts? Transmission { get; init; }
}

// NotFeasible: why the direct transmission is not technically feasible (recorded by staff); null: it is sent.
public sealed record TransmissionFacts(string Controller, string Email, string? NotFeasible);

public sealed record LeftOutEntry(string System, string Category, int Records, string Reason);

public sealed record UnstatedEntry(string System, string Category);

// Outcome: Upheld (the refusal stands: the appeal is denied), Reversed, or PartlyReversed; Law: the section cited.
public sealed record AppealFacts(string AppealedReference, string Outcome, string Law, string AttorneyGeneral, string ComplaintUrl)
{
    public const string Upheld = "upheld";
    public const string Reversed = "reversed";
    public const string PartlyReversed = "partly-reversed";
}

// The full copy the subject downloads with the access letter: its file name and every file in it, in the ZIP's order.
public sealed record CopyFacts(string FileName, IReadOnlyList<string> Files);

// What a notice states. Extension (Art. 12(3)): the reasons, the date first due and the new one. Identity-proof
// request (Art. 12(6)): the accepted ways to confirm, until when the e-mailed link works, whether the clock waits.
public sealed record NoticeFacts(
    string Kind, string? Reason, DateOnly? FirstDueOn, DateOnly? DueOn, IReadOnlyList<string> Methods, DateOnly? LinkExpiresOn,
    bool ClockStops)
{
    // GDPR Art. 18(3): the day a restriction is lifted (restriction-lift-notice).
    public DateOnly? LiftOn { get; init; }
}

// One system's part: its outcome, what it kept and why, and (for access) the data by category.
public sealed record SystemSection(string System, string Outcome, IReadOnlyList<KeptEntry> Kept, IReadOnlyList<CategorySection> Data)
{
    // What the system reported doing, and when (rectification, restriction, objection, consent withdrawal).
    public string? Summary { get; init; }

    public DateOnly? On { get; init; }

    // GDPR Art. 19: the recipients this system reported disclosing the data to.
    public IReadOnlyList<string> Recipients { get; init; } = [];

    // GDPR Art. 15(3), 20: the files of this system the answer's archive holds (photos, call recordings), nothing more.
    public IReadOnlyList<FileEntry> Files { get; init; } = [];
}

// An exported file as the letter lists it: its name, media type and size, and where the archive holds it.
public sealed record FileEntry(string Name, string MediaType, long Bytes, string Path);

// A category a partial erasure keeps, the basis, and the system it is kept in (null: every system).
public sealed record ExemptEntry(string Category, string LegalBasis, string? System);

public sealed record KeptEntry(string Category, string LegalBasis, DateOnly? Until);

public sealed record CategorySection(
    string Category, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, int TotalRecords)
{
    // Where the full copy holds every record of this category: `<system>/<category>` (.json and .csv); null without a copy.
    public string? CopyStem { get; init; }
}
