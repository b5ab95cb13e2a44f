using System.Text;

namespace DsarEngine.Samples.NewsletterSaas;

// A newsletter/marketing SaaS simulator that the engine reaches over HTTP.
//   Newsletter__Secret=<32+ characters> Newsletter__Url=http://127.0.0.1:5090 Simulator__Mode=sync \
//   dotnet run --project samples/DsarEngine.Samples.NewsletterSaas
// (A class rather than top-level statements: those make a public global Program that clashes with the engine's.)
internal static class Program
{
    public static async Task Main()
    {
        var secret = Environment.GetEnvironmentVariable("Newsletter__Secret") is { Length: >= 32 } s
            ? Encoding.UTF8.GetBytes(s)
            : throw new InvalidOperationException("Set Newsletter__Secret (at least 32 characters), " +
                "the same as the engine's Dsar:Connectors:Secrets:<tenant>:<secretRef>:Value.");
        var faults = new Faults
        {
            LatencyMs = int.TryParse(Environment.GetEnvironmentVariable("Simulator__LatencyMs"), out var ms) ? ms : 0,
            FailureRate = double.TryParse(
                Environment.GetEnvironmentVariable("Simulator__FailureRate"), System.Globalization.CultureInfo.InvariantCulture, out var r)
                ? r : 0,
            Mode = Environment.GetEnvironmentVariable("Simulator__Mode") ?? "sync",
        };
        await NewsletterApp.Build(Environment.GetEnvironmentVariable("Newsletter__Url") ?? "http://127.0.0.1:5090", secret, faults)
            .RunAsync();
    }
}
