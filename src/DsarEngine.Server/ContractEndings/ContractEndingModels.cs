using DsarEngine.Connectors.Contracts;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.ContractEndings;

// GDPR Art. 28(3)(g): at the end of the services the processor deletes or returns all the personal data, at the
// controller's choice, and deletes existing copies unless the law requires storing them.
internal static class EndingChoices
{
    public const string ReturnThenDelete = "return-then-delete";
    public const string Delete = "delete";
    public const string Return = "return";

    public static readonly string[] All = [ReturnThenDelete, Delete, Return];

    public static bool Returns(string choice) => choice != Delete;

    public static bool Deletes(string choice) => choice != Return;
}

internal static class EndingPhases
{
    public const string Export = "export";
    public const string Erase = "erase";
    public const string Finished = "finished";
}

// What each system did. Only done, partial and not-found are done; every other status is reported as not done.
internal static class EndingTaskStatus
{
    public const string Sent = "sent";
    public const string Done = TaskOutcomes.Done;
    public const string Partial = TaskOutcomes.Partial;
    public const string NotFound = TaskOutcomes.NotFound;
    public const string Failed = "failed";
    public const string TimedOut = "timed-out";
    // The system registered no whole-customer action for this phase: it was not asked, a person must see to it.
    public const string NotCovered = "not-covered";
    // Return then delete: the system's data could not be returned, so it was not deleted either (the controller's choice).
    public const string Skipped = "skipped";

    public static bool Succeeded(string status) => status is Done or Partial or NotFound;
}

// The tasks' right, in TaskReference.Right: how a reply is told from a request's.
internal static class ContractEnding
{
    public const string Right = "end-of-contract";
    public const string Consumer = "contract-endings";
}

internal sealed record StoredEnding(Guid Id, Guid TenantId, string WorkspaceKey, Guid? CustomerTenantId, string Choice, DateOnly AgreedOn,
    IReadOnlyList<LegalHold> Exceptions, string Phase, string? Outcome, string? Certificate, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? FinishedAt, DateTimeOffset? BundleExpiresAt);

internal sealed record EndingTask(Guid TaskId, string Connector, string Action, string Status, string? Summary,
    IReadOnlyList<RetainedData> Retained, ExportRef? Export, DateTimeOffset? DueAt, DateTimeOffset? AnsweredAt);

// A system's answer (or the lack of one), as it is recorded on its task.
internal sealed record EndingAnswer(string Status, string Summary, IReadOnlyList<RetainedData> Retained, ExportRef? Export);
