using System.Text.Json;
using System.Text.Json.Serialization;

namespace DsarEngine.Workflows.Deadlines;

// Why an organisation is subject to a regime, which decides for which subjects it applies.
internal static class RegimeScopes
{
    // The organisation is established under the regime (GDPR for an EU establishment, Art. 3(1)): it applies to every
    // request, wherever the subject lives.
    public const string Establishment = "establishment";

    // The regime reaches the organisation through where its subjects live (GDPR Art. 3(2) for a non-EU organisation,
    // the CCPA once the thresholds are met): it applies when the subject's stated location is one of the places listed.
    public const string Residence = "residence";

    public static readonly IReadOnlyList<string> All = [Establishment, Residence];
}

// One regime an organisation declares itself subject to. Locations: ISO 3166-1/3166-2 codes, only for residence.
internal sealed record DeclaredRegime(string Regime, string Scope, IReadOnlyList<string> Locations);

// The regimes an organisation is subject to and the scope rules that pick the ones applying to a subject (issue 15, E1):
// the subject's stated location is an input to these rules, never a choice of law.
internal sealed record TenantLaw(IReadOnlyList<DeclaredRegime> Regimes)
{
    public const int MaxRegimes = 20;
    public const int MaxLocations = 60;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // What an organisation without settings of its own is subject to: the regime of its own jurisdiction, as
    // establishment (so an organisation that never set anything keeps the deadlines it had for its own country).
    public static TenantLaw DefaultFor(string? jurisdiction) =>
        new(Deadlines.Regimes.DefaultFor(jurisdiction) is { } regime ? [new DeclaredRegime(regime, RegimeScopes.Establishment, [])] : []);

    // Stored settings (validated when saved), or the default when there are none.
    public static TenantLaw Parse(string? json, string? jurisdiction)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return DefaultFor(jurisdiction);
        }

        var body = JsonSerializer.Deserialize<TenantLawBody>(json, Json);
        return new TenantLaw((body?.Regimes ?? [])
            .Select(r => new DeclaredRegime(r.Regime ?? "", r.Scope ?? "", r.Locations ?? [])).ToList());
    }

    public string ToJson() => JsonSerializer.Serialize(ToBody(), Json);

    public TenantLawBody ToBody() => new()
    {
        Regimes = Regimes.Select(r => new DeclaredRegimeBody
        {
            Regime = r.Regime,
            Scope = r.Scope,
            Locations = r.Scope == RegimeScopes.Residence ? [.. r.Locations] : null,
        }).ToArray(),
    };

    // Checks an admin's settings: known regimes, each once, a known scope, known places for residence rules, and at least
    // one establishment regime (the law every request falls under whatever the subject says). Null with errors otherwise.
    public static TenantLaw? Validate(TenantLawBody? body, FieldErrors errors)
    {
        if (body?.Regimes is not { Length: > 0 } regimes)
        {
            errors.Add("regimes", $"Name at least one regime, e.g. {{\"regime\":\"gdpr\",\"scope\":\"establishment\"}}.");
            return null;
        }

        if (regimes.Length > MaxRegimes)
        {
            errors.Add("regimes", $"At most {MaxRegimes} regimes.");
            return null;
        }

        var declared = new List<DeclaredRegime>();
        for (var i = 0; i < regimes.Length; i++)
        {
            if (ValidateOne(regimes[i], $"regimes[{i}]", declared, errors) is { } one)
            {
                declared.Add(one);
            }
        }

        if (errors.IsEmpty && !declared.Any(d => d.Scope == RegimeScopes.Establishment))
        {
            errors.Add("regimes", "At least one regime must apply as establishment: the law every request falls under, " +
                "whatever the subject's location.");
        }

        return errors.IsEmpty ? new TenantLaw(declared) : null;
    }

    private static DeclaredRegime? ValidateOne(DeclaredRegimeBody? body, string field, List<DeclaredRegime> before, FieldErrors errors)
    {
        var ok = true;
        string? id = null;
        if (body is null || !Deadlines.Regimes.TryGet(body.Regime, out var rules))
        {
            errors.Add($"{field}.regime", $"Unknown regime '{body?.Regime}': expected one of {Deadlines.Regimes.KnownIds}.");
            ok = false;
        }
        else if (before.Any(d => d.Regime == rules.Id))
        {
            errors.Add($"{field}.regime", $"{rules.Id} is declared twice: declare each regime once, with all its places.");
            ok = false;
        }
        else
        {
            id = rules.Id;
        }

        var scope = body?.Scope?.Trim().ToLowerInvariant();
        if (scope is null || !RegimeScopes.All.Contains(scope))
        {
            errors.Add($"{field}.scope", $"One of: {string.Join(", ", RegimeScopes.All)}.");
            return null;
        }

        var locations = ValidateLocations(body!.Locations ?? [], scope, $"{field}.locations", errors);
        return ok && locations is not null ? new DeclaredRegime(id!, scope, locations) : null;
    }

    private static List<string>? ValidateLocations(string[] given, string scope, string field, FieldErrors errors)
    {
        if (scope == RegimeScopes.Establishment)
        {
            if (given.Length == 0)
            {
                return [];
            }

            errors.Add(field, "An establishment regime applies to every subject: it takes no locations.");
            return null;
        }

        if (given.Length is 0 or > MaxLocations)
        {
            errors.Add(field, $"Name 1 to {MaxLocations} places whose residents it covers: ISO codes such as US-CA or FR.");
            return null;
        }

        var codes = new List<string>();
        foreach (var code in given)
        {
            if (!Jurisdictions.TryGet(code, out var place))
            {
                errors.Add(field, Jurisdictions.Explain(code) + ".");
            }
            else if (!codes.Contains(place.Code))
            {
                codes.Add(place.Code);
            }
        }

        return errors.Has(field) ? null : codes;
    }
}

// The settings as the staff API reads and writes them.
internal sealed record TenantLawBody
{
    public DeclaredRegimeBody[]? Regimes { get; init; }
}

internal sealed record DeclaredRegimeBody
{
    public string? Regime { get; init; }

    public string? Scope { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string[]? Locations { get; init; }
}
