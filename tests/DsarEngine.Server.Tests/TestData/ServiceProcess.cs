using System.Diagnostics;

namespace DsarEngine.Server.Tests.TestData;

// A sample service as its own operating-system process, so a test can SIGKILL it mid-task and start it again.
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;

    private readonly List<string> output = [];

    // The last lines it wrote, for a failure message (a copy: the process may still be writing).
    public IReadOnlyList<string> Output { get { lock (output) return [.. output]; } }

    private ServiceProcess(Process process) => this.process = process;

    public static ServiceProcess Start(string dll, IDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet", dll)
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var service = new ServiceProcess(Process.Start(start)!);
        service.process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        service.process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        service.process.BeginOutputReadLine();
        service.process.BeginErrorReadLine();
        return service;
    }

    public bool HasExited => process.HasExited;

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (output)
        {
            output.Add(line);
            if (output.Count > 200)
                output.RemoveAt(0);
        }
    }

    // SIGKILL: no graceful stop, no acknowledgement of what is in hand: the broker redelivers it.
    public void Kill()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process.Dispose();
        return ValueTask.CompletedTask;
    }
}
