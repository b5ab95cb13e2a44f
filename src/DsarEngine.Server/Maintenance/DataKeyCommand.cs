using DsarEngine.Workflows.Security;

namespace DsarEngine.Server.Maintenance;

// `dotnet DsarEngine.Server.dll data-keys [reseal]`, run with the nodes' settings (docs/operations.md, "Rotating the data
// key"). The keys are the server's configuration, not an organisation's, so this is an operator's command on a node,
// across every organisation, and not a staff endpoint: no organisation's admin should move or see another's rows.
//   data-keys          how many rows each key id seals (configured keys with none included); exit 0
//   data-keys reseal   re-seal every row under a retired key with the current one, then the counts; exit 0 when no row
//                      is left under any other key than the current one, 1 otherwise (a key not configured, a row locked)
internal static class DataKeyCommand
{
    public const string Verb = "data-keys";

    public static async Task<int> RunAsync(WebApplication app, IReadOnlyList<string> args, TextWriter output, CancellationToken ct)
    {
        if (args is not ([] or ["reseal"]))
        {
            await output.WriteLineAsync("usage: DsarEngine.Server data-keys [reseal]");
            return 2;
        }
        // The same settings checks as a starting node: a bad key stops here with the setting's name.
        app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
        var keys = app.Services.GetRequiredService<DataKeyRing>();
        var reseal = ActivatorUtilities.CreateInstance<DataKeyReseal>(app.Services);
        if (args is ["reseal"])
        {
            var moved = await reseal.ResealAsync((table, done) => output.WriteLine($"re-sealed {done} rows of {table}"), ct);
            await output.WriteLineAsync($"re-sealed {moved} rows under {keys.CurrentId}");
        }
        var counts = await reseal.CountAsync(ct);
        foreach (var id in keys.KnownIds.Union(counts.Select(c => c.KeyId)))
        {
            var mine = counts.Where(c => c.KeyId == id).ToList();
            var state = id == keys.CurrentId ? "current" : keys.KnownIds.Contains(id) ? "retired" : "NOT CONFIGURED";
            var tables = mine.Count == 0 ? "" : $" ({string.Join(", ", mine.Select(c => $"{c.Table} {c.Rows}"))})";
            await output.WriteLineAsync($"{id} {state}: {mine.Sum(c => c.Rows)} rows{tables}");
        }
        return args is ["reseal"] && counts.Any(c => c.KeyId != keys.CurrentId) ? 1 : 0;
    }
}
