namespace DsarEngine.Samples.ErasureListener;

// A downstream system that is not .NET-on-MassTransit in spirit: a plain AMQP consumer of the engine's erasure events.
//   Dsar__Bus__Url=amqp://<listener user>:<password>@127.0.0.1:56729/ Listener__Tenant=demo \
//   Listener__Queue=dsar.demo.listener.recommendations dotnet run --project samples/DsarEngine.Samples.ErasureListener
// (A class rather than top-level statements: those make a public global Program that clashes with the engine's.)
internal static class Program
{
    public static async Task Main()
    {
        var url = Environment.GetEnvironmentVariable("Dsar__Bus__Url")
            ?? throw new InvalidOperationException(
                "Set Dsar__Bus__Url (the listener's broker user, e.g. amqp://demo.erasure-listener:<password>@127.0.0.1:56729/).");
        var queue = Environment.GetEnvironmentVariable("Listener__Queue") ?? "recommendations-erasures";
        var tenant = Environment.GetEnvironmentVariable("Listener__Tenant") ?? "#";
        var cache = new ProfileCache();
        // The demo preloads the subjects it shows, so an erasure visibly removes one of them here.
        foreach (var email in (Environment.GetEnvironmentVariable("Listener__Preload") ?? "")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries))
            cache.Add(new CachedProfile(email, "(cached profile)", "demo"));
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
        await using var listener = new ErasureListener(cache, Console.WriteLine);
        await listener.StartAsync(new Uri(url), queue, tenant, stop.Token);
        Console.WriteLine($"listening on {queue} for tenant '{tenant}'; {cache.Count} cached profiles");
        try { await Task.Delay(Timeout.Infinite, stop.Token); }
        catch (OperationCanceledException) { }
    }
}
