namespace DsarEngine.Workflows.Packs;

// What a register must hold before letters can be written from it: GDPR Art. 13(1)(a)–(c), 15(1)(a)–(d) and (f).
internal static class RegisterChecks
{
    public static Dictionary<string, string[]> Problems(ProcessingRegister? r)
    {
        var errors = new Dictionary<string, string[]>();
        if (r is null)
            return new() { ["(root)"] = ["A processing register document."] };
        if (string.IsNullOrWhiteSpace(r.Controller?.Name))
            errors["controller.name"] = ["Required: the controller's legal name (Art. 13(1)(a))."];
        if (string.IsNullOrWhiteSpace(r.Authority?.Name))
            errors["authority.name"] = ["Required: the supervisory authority the subject may complain to (Art. 15(1)(f))."];
        if (r.Purposes is not { Count: > 0 }
            || r.Purposes.Any(p => string.IsNullOrWhiteSpace(p.Purpose) || string.IsNullOrWhiteSpace(p.LegalBasis)))
            errors["purposes"] = ["At least one, each with a purpose and its legal basis (Art. 13(1)(c), 15(1)(a))."];
        if (r.Recipients is null || r.Recipients.Any(x => string.IsNullOrWhiteSpace(x.Name)))
            errors["recipients"] = ["A list (possibly empty) of named recipients (Art. 15(1)(c); CJEU C-154/21: named where known)."];
        if (r.Retention is not { Count: > 0 }
            || r.Retention.Any(x => string.IsNullOrWhiteSpace(x.Category) || string.IsNullOrWhiteSpace(x.Period)))
            errors["retention"] = ["At least one, each with a category and a period or criteria (Art. 15(1)(d))."];
        if (r.Transfers is null || r.Sources is null)
            errors["transfers"] = ["transfers and sources are lists (possibly empty)."];
        else if (r.Transfers.Select((t, n) => (t, n)).FirstOrDefault(x => InvalidSafeguard(x.t?.Safeguard)) is { t: not null } bad)
            errors[$"transfers[{bad.n}].safeguard"] = [$"'{bad.t.Safeguard}' is no longer a valid safeguard: the CJEU annulled the " +
                "EU-US Privacy Shield (C-311/18, Schrems II, 16 July 2020). Name the transfer's current basis (e.g. the EU-US Data " +
                "Privacy Framework adequacy decision of 10 July 2023, or standard contractual clauses) (Art. 15(2), 46)."];
        if (r.BackupAgeOutDays is < 0 or > 3650)
            errors["backupAgeOutDays"] = ["Between 0 and 3650."];
        return errors;
    }

    // A letter must not tell the subject their data travels under a safeguard the law no longer recognises.
    private static bool InvalidSafeguard(string? safeguard) =>
        safeguard is not null && safeguard.Contains("Privacy Shield", StringComparison.OrdinalIgnoreCase);
}
