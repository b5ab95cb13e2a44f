using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.LegalHolds;

// POST /api/v1/staff/legal-holds. Until: the last day the data must be kept (absent: until the hold is ended);
// Systems: registered connector names (absent or empty: every system).
internal sealed record LegalHoldBody(string? Category, string? LegalBasis, DateOnly? Until, string[]? Systems)
{
    // Every problem at once, by field; the connectors named must be registered in the organisation.
    public (LegalHold? Hold, Dictionary<string, string[]> Errors) ToHold(IReadOnlySet<string> connectors, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Category) || Category.Trim().Length > 100)
            errors["category"] = ["Required (at most 100 characters): the data category kept, as the connectors name it (e.g. invoices)."];
        if (string.IsNullOrWhiteSpace(LegalBasis) || LegalBasis.Trim().Length > 500)
            errors["legalBasis"] = ["Required (at most 500 characters): the legal obligation or claim that requires keeping it " +
                "(GDPR Art. 17(3)(b) or (e)), e.g. 'Commercial Code L123-22: 10 years'."];
        if (Until is { } until && until < today)
            errors["until"] = ["Must be today or later: a hold that ended already holds nothing."];
        var unknown = (Systems ?? []).Where(s => !connectors.Contains(s)).ToList();
        if (unknown.Count > 0)
            errors["systems"] = [$"Not a connector of your organisation: {string.Join(", ", unknown)}. Leave empty for every system."];
        if ((Systems ?? []).Length > 50)
            errors["systems"] = ["At most 50 systems."];
        return errors.Count > 0
            ? (null, errors)
            : (new LegalHold(Category!.Trim(), LegalBasis!.Trim(), Until, [.. (Systems ?? []).Distinct()]), errors);
    }
}
