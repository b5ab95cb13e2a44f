using System.Globalization;
using System.Security.Claims;
using System.Text;
using DsarEngine.Server.Platform;

namespace DsarEngine.Server.Inbox;

// The dashboard's figures as CSV (metric,dimension,value), for the privacy team's own reports. Signed in with the
// inbox's cookie, scoped to the person's organisation from their claims: nothing in the address chooses whose figures.
internal static class DashboardExport
{
    public const string Path = "/inbox/dashboard.csv";

    public static IEndpointRouteBuilder MapDashboardExport(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, async (ClaimsPrincipal user, DashboardQueries queries, TimeProvider clock, CancellationToken ct) =>
        {
            var figures = await queries.ReadAsync(user.Tenant(), clock.GetUtcNow(), ct);
            var name = $"dashboard-{clock.GetUtcNow():yyyy-MM-dd}.csv";
            return TypedResults.File(Encoding.UTF8.GetBytes(Csv(figures)), "text/csv; charset=utf-8", name);
        }).RequireAuthorization(AuthServices.Inbox).ExcludeFromDescription();
        return app;
    }

    public static string Csv(DashboardFigures f)
    {
        var csv = new StringBuilder("metric,dimension,value\n");
        // A figure with no value yet (nothing closed, so no median) keeps its line with an empty value.
        void Line(string metric, string dimension, double? value) =>
            csv.Append(Field(metric)).Append(',').Append(Field(dimension)).Append(',')
               .Append(value?.ToString("0.####", CultureInfo.InvariantCulture)).Append('\n');
        foreach (var s in f.OpenByStatus)
            Line("open-by-status", s.Key, s.Count);
        foreach (var r in f.OpenByRight)
            Line("open-by-right", r.Key, r.Count);
        Line("due-this-week", "", f.DueThisWeek);
        Line("overdue", "", f.Overdue);
        Line("closed", "", f.Closed);
        Line("median-days-to-close", "", f.MedianDaysToClose);
        Line("p90-days-to-close", "", f.P90DaysToClose);
        Line("extensions", "", f.Extensions);
        Line("refusals", "", f.Refusals);
        Line("withdrawals", "", f.Withdrawals);
        foreach (var c in f.Connectors)
        {
            Line("connector-attempts", c.Connector, c.Attempts);
            Line("connector-failure-rate", c.Connector, c.FailureRate);
            Line("connector-timeout-rate", c.Connector, c.TimeoutRate);
        }
        foreach (var s in f.Channels)
            for (var i = 0; i < f.Weeks.Count; i++)
                Line("received-per-week", $"{s.Channel} {f.Weeks[i]:yyyy-MM-dd}", s.Counts[i]);
        return csv.ToString();
    }

    // OWASP CSV injection: a spreadsheet runs a cell starting with = + - @ (or tab, carriage return) as a formula, so such
    // a value is prefixed with a quote; a value with a comma, quote or line break is quoted.
    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
