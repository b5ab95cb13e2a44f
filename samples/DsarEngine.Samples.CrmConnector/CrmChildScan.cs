using Dapper;
using DsarEngine.Connectors;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Samples.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DsarEngine.Samples.CrmConnector;

// What the CRM knows about its customers' ages, for the engine.
public sealed record CrmChildPolicy(IReadOnlyList<string> Tenants, int AgeUnder = 16);

// Seed 002 §11: "Our services are not intended for individuals under 16 ... we will promptly delete any personal information
// from children that we become aware of." The CRM holds a birth date for some customers: one younger than 16 is reported to
// the engine (ChildDataFound, with the guardian's address when the CRM has one), which opens the organisation's own erasure,
// one per child however often reported, and the erase command then removes the customer here like any other erasure.
// Runs at start and hourly; ScanAsync runs it now.
public sealed class CrmChildScan(SampleDatabase db, DsarReports reports, CrmChildPolicy policy, TimeProvider clock,
    ILogger<CrmChildScan> log) : BackgroundService
{
    private sealed record Child(string Id, string Email, string Name, string BirthDate, string? GuardianEmail)
    {
        private Child() : this("", "", "", "", null) { }
    }

    private const string ChildrenSql = """
        SELECT id, email, name, birth_date::text AS birth_date, guardian_email FROM crm.customers
        WHERE birth_date > @Cutoff::date ORDER BY id
        """;

    // Reports every customer under the age; returns how many.
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var c = await db.DataSource.OpenConnectionAsync(ct);
        var children = (await c.QueryAsync<Child>(new CommandDefinition(ChildrenSql,
            new { Cutoff = today.AddYears(-policy.AgeUnder).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
            cancellationToken: ct))).ToList();
        foreach (var child in children)
            foreach (var tenant in policy.Tenants)
                await reports.ReportChildAsync(tenant,
                    [new(SubjectIdentityTypes.Email, child.Email), new(SubjectIdentityTypes.CustomerId, child.Id)],
                    DateOnly.Parse(child.BirthDate, System.Globalization.CultureInfo.InvariantCulture), null, child.Name,
                    child.GuardianEmail, ct);
        return children.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var hourly = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                if (await ScanAsync(stoppingToken) is > 0 and var found)
                    log.LogInformation("Reported {Count} customer(s) under {Age} to the engine", found, policy.AgeUnder);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "The child scan failed; it runs again in an hour");
            }
        }
        while (await hourly.WaitForNextTickAsync(stoppingToken));
    }
}
