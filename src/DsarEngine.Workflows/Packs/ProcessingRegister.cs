namespace DsarEngine.Workflows.Packs;

// The organisation's facts that every response letter states (GDPR Art. 13–15, Art. 30): who the controller is, how
// to reach its DPO, why and on what basis it processes, who receives the data, how long it keeps it, transfers and
// their safeguards, where data not collected from the subject came from, automated decisions, the supervisory
// authority. One document per tenant, kept by its privacy team.
public sealed record ProcessingRegister(
    Party Controller,
    Party? Dpo,
    IReadOnlyList<PurposeEntry> Purposes,
    IReadOnlyList<RecipientEntry> Recipients,
    IReadOnlyList<RetentionEntry> Retention,
    IReadOnlyList<TransferEntry> Transfers,
    IReadOnlyList<SourceEntry> Sources,
    string? AutomatedDecisions,
    Party Authority,
    int? BackupAgeOutDays);

public sealed record Party(string Name, string? Address, string? Email, string? Url);

public sealed record PurposeEntry(string Purpose, string LegalBasis, IReadOnlyList<string> Categories);

public sealed record RecipientEntry(string Name, string Role, IReadOnlyList<string> Categories);

public sealed record RetentionEntry(string Category, string Period);

public sealed record TransferEntry(string Recipient, string Country, string Safeguard);

public sealed record SourceEntry(string Category, string Source);
