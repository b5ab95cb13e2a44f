namespace DsarEngine.Workflows.Tenants;

// A controller organisation. Its jurisdiction and time zone drive the legal clock (the controller's
// local calendar decides the day of receipt and the working days).
internal sealed record Tenant(
    Guid Id,
    string Slug,
    string Name,
    string Jurisdiction,
    string TimeZone,
    string DefaultLanguage,
    string[] AllowedOrigins,
    string ExtensionMethod = "from-receipt",
    string ClosureDays = "[]",
    string Role = TenantRoles.Controller)
{
    public bool IsProcessor => Role == TenantRoles.Processor;

    // The regimes the organisation is subject to and their scope rules (TenantLaw, JSON); null: the regime of its own
    // jurisdiction, as establishment (TenantLaw.DefaultFor).
    public string? ApplicableLaw { get; init; }

    // Moves on with every change to the row (migration 0059): intake proves its copy of these settings current with it.
    public long SettingsVersion { get; init; }

    // The persistence layer materialises rows through this and the init setters: constructor mapping needs exact column types
    // (timestamptz reads as DateTime, text[] as Array), which the positional constructor cannot offer.
    private Tenant() : this(default, "", "", "", "", "", [], "from-receipt", "[]", TenantRoles.Controller) { }
}

internal static class TenantRoles
{
    public const string Controller = "controller";
    public const string Processor = "processor";
}
