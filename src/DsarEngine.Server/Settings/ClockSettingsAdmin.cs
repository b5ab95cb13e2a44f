using System.Security.Claims;
using System.Text.Json;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Tenants;
using DsarEngine.Workflows.Deadlines;
using DsarEngine.Workflows.Mail;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Server.Settings;

// Settings → Regimes and closure days. The jurisdiction (hence the default regime), the time zone and the extension method
// frame each request when it arrives (RequestFraming) and are stored with it: a change applies to new requests only.
// Closure days are read at every deadline computation (new request, clock stop and resume, extension, explanation).
internal sealed class ClockSettingsAdmin(TenantStore tenants, TimeProvider clock)
{
    public const int MaxClosureDays = 100;
    public const int MaxClosureNameLength = 80;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string[] Methods = ["from-receipt", "from-initial-due"];

    public async Task<SettingsResult> SetClockAsync(ClaimsPrincipal by, string? jurisdiction, string? timeZone, string? extensionMethod,
        CancellationToken ct)
    {
        if (!SettingsRoles.MayChange(by))
            return SettingsResult.Refused;
        if (await tenants.FindAsync(by.Tenant(), ct) is not { } tenant)
            return SettingsResult.NotFound("organisation");
        var errors = new Dictionary<string, string[]>();
        if (!Jurisdictions.TryGet(jurisdiction, out var info))
            errors["jurisdiction"] = [Jurisdictions.Explain(jurisdiction) + "."];
        // The jurisdiction gives the regime only while the organisation has declared no law of its own (TenantLaw.DefaultFor);
        // once it has (Settings → Applicable law), the jurisdiction is the place of performance only: calendar and zone.
        else if (info.DefaultRegime is null && !LawDeclared(tenant.ApplicableLaw))
            errors["jurisdiction"] = [$"{info.Code} has no default regime and the organisation has declared no applicable law, so " +
                $"no regime would apply; choose a subdivision with its own law (e.g. US-CA) or a country, or declare the law first."];
        if (!TimeZones.TryFind(timeZone, out var zone))
            errors["timeZone"] = [$"'{timeZone}' is not an IANA time zone: write e.g. Europe/Paris or America/New_York."];
        if (!Methods.Contains(extensionMethod))
            errors["extensionMethod"] = [$"One of: {string.Join(", ", Methods)}."];
        if (errors.Count > 0)
            return SettingsResult.Invalid(errors);
        await tenants.SetClockAsync(by.Tenant(), info!.Code, zone!.Id, extensionMethod!, ct);
        return SettingsResult.Done;
    }

    // Declared settings (Settings → Applicable law) decide the regime; without them the jurisdiction's regime applies.
    public static bool LawDeclared(string? applicableLaw) => !string.IsNullOrWhiteSpace(applicableLaw);

    public Task<SettingsResult> AddClosureAsync(ClaimsPrincipal by, DateOnly? date, string? name, CancellationToken ct) =>
        ChangeClosuresAsync(by, (closures, today) =>
        {
            var errors = new Dictionary<string, string[]>();
            var trimmed = name?.Trim() ?? "";
            if (date is null)
                errors["date"] = ["Required: the day the organisation is closed."];
            // A closure day pushes deadlines back; adding one in the past would silently lengthen deadlines already told.
            else if (date < today)
                errors["date"] = [$"{date:yyyy-MM-dd} is in the past: closure days are added from today ({today:yyyy-MM-dd}) on."];
            else if (date > today.AddYears(3))
                errors["date"] = [$"At most three years ahead (until {today.AddYears(3):yyyy-MM-dd})."];
            else if (closures.Any(c => c.Date == date))
                errors["date"] = [$"{date:yyyy-MM-dd} is already a closure day."];
            if (trimmed.Length == 0)
                errors["name"] = ["Required: what the day is, e.g. Company shutdown."];
            else if (trimmed.Length > MaxClosureNameLength || MailText.HasUnsafe(trimmed))
                errors["name"] = [$"One line of at most {MaxClosureNameLength} characters."];
            if (closures.Count >= MaxClosureDays)
                errors["closureDays"] = [$"At most {MaxClosureDays} closure days: remove past ones first."];
            return errors.Count > 0 ? (null, errors)
                : ([.. closures.Append(new ClosureDay(date!.Value, trimmed)).OrderBy(c => c.Date)], errors);
        }, ct);

    public Task<SettingsResult> RemoveClosureAsync(ClaimsPrincipal by, DateOnly date, CancellationToken ct) =>
        ChangeClosuresAsync(by, (closures, today) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (!closures.Any(c => c.Date == date))
                errors["date"] = [$"{date:yyyy-MM-dd} is not a closure day."];
            // A past closure day may already have moved a deadline the subject was told; removing it would shorten that.
            else if (date < today)
                errors["date"] = [$"{date:yyyy-MM-dd} is past: it may have moved deadlines already given, so it stays."];
            return errors.Count > 0 ? (null, errors) : ([.. closures.Where(c => c.Date != date)], errors);
        }, ct);

    private async Task<SettingsResult> ChangeClosuresAsync(ClaimsPrincipal by,
        Func<IReadOnlyList<ClosureDay>, DateOnly, (ClosureDay[]?, Dictionary<string, string[]>)> change, CancellationToken ct)
    {
        if (!SettingsRoles.MayChange(by))
            return SettingsResult.Refused;
        if (await tenants.FindAsync(by.Tenant(), ct) is not { } tenant)
            return SettingsResult.NotFound("organisation");
        // "Today" is the organisation's local day: the legal clock counts days in its time zone.
        var today = TimeZones.TryFind(tenant.TimeZone, out var zone) ? TimeZones.LocalDate(clock.GetUtcNow(), zone)
            : DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (closures, errors) = change(RequestClock.ParseClosures(tenant.ClosureDays), today);
        if (closures is null)
            return SettingsResult.Invalid(errors);
        return await tenants.SetClosureDaysAsync(tenant.Id, tenant.ClosureDays, JsonSerializer.Serialize(closures, Json), ct)
            ? SettingsResult.Done
            : SettingsResult.Invalid("closureDays", "Someone else changed the closure days just now; nothing was changed: try again.");
    }
}
