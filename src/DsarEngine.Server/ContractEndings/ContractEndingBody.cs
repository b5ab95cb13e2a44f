using DsarEngine.Server.LegalHolds;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.ContractEndings;

// POST /api/v1/staff/workspaces/{key}/end-of-contract. Choice: the controller's (GDPR Art. 28(3)(g)); AgreedOn: the
// agreed end of the services (today or earlier: the flow runs when it is recorded); Exceptions: what the agreement or
// the law keeps, in the legal-hold register's shape (category, legalBasis, until, systems).
internal sealed record ContractEndingBody(string? Choice, DateOnly? AgreedOn, LegalHoldBody[]? Exceptions)
{
    public const int MaxExceptions = 50;

    // Every problem at once, by field; exceptions named exceptions[i].field.
    public (IReadOnlyList<LegalHold>? Exceptions, Dictionary<string, string[]> Errors) Check(IReadOnlySet<string> connectors,
        DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (Choice is null || !EndingChoices.All.Contains(Choice))
            errors["choice"] = [$"The controller's choice, one of: {string.Join(", ", EndingChoices.All)}."];
        if (AgreedOn is not { } agreed)
            errors["agreedOn"] = ["Required: the agreed end of the services (yyyy-mm-dd)."];
        else if (agreed > today)
            errors["agreedOn"] = ["Today or earlier: record the end of contract on the agreed date, it runs at once."];
        var holds = new List<LegalHold>();
        if ((Exceptions ?? []).Length > MaxExceptions)
            errors["exceptions"] = [$"At most {MaxExceptions} exceptions."];
        else
            for (var i = 0; i < (Exceptions ?? []).Length; i++)
            {
                var (hold, problems) = Exceptions![i] is { } e
                    ? e.ToHold(connectors, today)
                    : (null, new Dictionary<string, string[]> { [""] = ["An exception: category, legalBasis, until, systems."] });
                foreach (var (field, messages) in problems)
                    errors[field.Length == 0 ? $"exceptions[{i}]" : $"exceptions[{i}].{field}"] = messages;
                if (hold is not null)
                    holds.Add(hold);
            }
        return errors.Count > 0 ? (null, errors) : (holds, errors);
    }
}
