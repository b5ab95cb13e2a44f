using DsarEngine.Connectors.Contracts;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.ContractEndings;

// What each system did, for the controller: the certificate of deletion (or the record of return when the controller chose
// return only). Stored byte for byte and its SHA-256 journaled in the hash chain, so neither can change unnoticed.
internal sealed record EndingCertificate(string Kind, Guid EndOfContract, string Processor, string ProcessorName, string Workspace,
    string? Controller, string Choice, DateOnly AgreedOn, IReadOnlyList<LegalHold> Exceptions, IReadOnlyList<CertificateSystem> Systems,
    string Outcome, IReadOnlyList<string> NotDone, DateTimeOffset IssuedAt)
{
    public const string Complete = "complete";
    public const string Incomplete = "incomplete";

    // Complete only when every system answered done, partial or not-found and kept nothing the agreement did not name:
    // a failure, a timeout, a system not asked or skipped is listed in NotDone, never counted as done.
    public static EndingCertificate Build(StoredEnding e, EndingParties parties, IReadOnlyList<EndingTask> tasks, DateTimeOffset now)
    {
        var notDone = new List<string>();
        var systems = new List<CertificateSystem>();
        foreach (var connector in tasks.Select(t => t.Connector).Distinct().Order(StringComparer.Ordinal))
        {
            var returned = tasks.FirstOrDefault(t => t.Connector == connector && t.Action == CustomerActions.Export);
            var deleted = tasks.FirstOrDefault(t => t.Connector == connector && t.Action == CustomerActions.Erase);
            systems.Add(new CertificateSystem(connector, Step(e, returned, notDone), Step(e, deleted, notDone)));
        }
        // No system asked is not a deletion: the processor registered no connector to carry it out.
        if (systems.Count == 0)
            notDone.Add("no system: the organisation has no connector, nothing was asked");
        return new EndingCertificate(EndingChoices.Deletes(e.Choice) ? "certificate-of-deletion" : "record-of-return", e.Id,
            parties.Processor, parties.ProcessorName, e.WorkspaceKey, parties.Controller, e.Choice, e.AgreedOn, e.Exceptions, systems,
            notDone.Count == 0 ? Complete : Incomplete, notDone, now);
    }

    private static CertificateStep? Step(StoredEnding e, EndingTask? task, List<string> notDone)
    {
        if (task is null)
            return null;
        if (!EndingTaskStatus.Succeeded(task.Status))
            notDone.Add($"{task.Connector}: {task.Action} {task.Status}");
        var kept = task.Retained.Select(r => new CertificateRetained(r.Category, r.LegalBasis, r.RetainUntil,
            e.Exceptions.Any(h => h.Covers(task.Connector) && string.Equals(h.Category, r.Category, StringComparison.OrdinalIgnoreCase))))
            .ToList();
        foreach (var beyond in kept.Where(k => !k.PerAgreement))
            notDone.Add($"{task.Connector}: kept {beyond.Category}, which the agreement does not name");
        return new CertificateStep(task.Status, task.Summary, task.Export?.Records, task.Export?.Sha256, kept, task.AnsweredAt);
    }
}

internal sealed record CertificateSystem(string Connector, CertificateStep? Returned, CertificateStep? Deleted);

internal sealed record CertificateStep(string Status, string? Summary, int? Records, string? Sha256,
    IReadOnlyList<CertificateRetained> Kept, DateTimeOffset? At);

internal sealed record CertificateRetained(string Category, string LegalBasis, DateOnly? Until, bool PerAgreement);

// Who the certificate names: the processor, and the controller (a tenant of this engine, or the workspace's contact).
internal sealed record EndingParties(string Processor, string ProcessorName, string? Controller)
{
    private EndingParties() : this("", "", null) { }
}
