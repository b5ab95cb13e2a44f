namespace DsarEngine.Samples.Common;

// A Dapper row as an export record: field name to text, which is what a CSV cell and a PDF table can show.
public static class Records
{
    public static IReadOnlyDictionary<string, string?> From(object row) =>
        ((IDictionary<string, object?>)row).ToDictionary(p => p.Key, p => p.Value?.ToString());
}
