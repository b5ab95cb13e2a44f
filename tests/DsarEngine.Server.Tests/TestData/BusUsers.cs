using System.Diagnostics;

namespace DsarEngine.Server.Tests.TestData;

// RabbitMQ users made by the very script an operator runs (eng/bus-users.sh), so a test proves the permissions the
// demo and the documentation hand out. It needs the broker eng/test.sh started ($DSAR_LOCAL holds its Erlang cookie).
internal static class BusUsers
{
    // The virtual host the tests' broker URL names (eng/test.sh: dsar-test).
    public static string TestVhost =>
        Uri.UnescapeDataString(new Uri(DsarEngine.Tests.Shared.TestDatabase.AmqpUrl).AbsolutePath.Trim('/')) is { Length: > 0 } vhost
            ? vhost
            : "/";

    // The AMQP URL of tenant's connector user (write-only to the reply exchange of the engine with that prefix).
    public static Task<Uri> ConnectorAsync(string tenant, string connector, string enginePrefix) =>
        RunAsync("connector", TestVhost, tenant, connector, enginePrefix);

    // The AMQP URL of tenant's erasure-listener user, whose queue is dsar.<tenant>.listener.<name>.
    public static Task<Uri> ListenerAsync(string tenant, string name) => RunAsync("listener", TestVhost, tenant, name);

    // Tests remove the users they made, so the broker (shared with the demo) does not collect them.
    public static async Task DeleteAsync(Uri url) => await RunAsync("delete", DsarEngine.Connectors.Hosting.BrokerUser.Of(url));

    private static async Task<Uri> RunAsync(params string[] args)
    {
        var script = Path.Combine(RepositoryRoot(), "eng", "bus-users.sh");
        var start = new ProcessStartInfo("bash", [script, .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero,
            $"eng/bus-users.sh {string.Join(' ', args)} failed (run the tests through eng/test.sh): {errors}");
        return args[0] == "delete" ? null! : new Uri(output.Trim());
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "eng", "bus-users.sh")))
                return dir.FullName;
        throw new InvalidOperationException("eng/bus-users.sh not found above " + AppContext.BaseDirectory);
    }
}
