using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace DsarEngine.Benchmarks;

// A submission that did not get its 202: the status (null when no response came back) and what was said.
internal sealed record Failure(int Submission, int? Status, string Detail);

// Public intake through HTTP: POST /api/v1/requests, every submission from a distinct subject, unless subject names
// the n-th submission's e-mail address and name (null: a distinct one).
internal sealed class IntakePhase(HttpClient client, int concurrency, Func<int, (string Email, string Name)?>? subject = null)
{
    private const int KeptFailures = 10;
    private readonly ConcurrentQueue<Failure> kept = new();
    private int failures;
    private int submitted;

    public int Failures => failures;

    public IReadOnlyCollection<Failure> FirstFailures => kept;

    public static HttpClient Client(Uri address, int concurrency) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };

    public Task<Result> RunAsync(string phase, int count) =>
        Measure.RunAsync(phase, count, concurrency, _ => SubmitAsync(Interlocked.Increment(ref submitted)));

    // A failure is counted, not thrown: one bad answer should not hide how many there were, or what the others said.
    private async Task SubmitAsync(int n)
    {
        var (email, name) = subject?.Invoke(n) ?? ($"bench{n}-{Guid.NewGuid():N}@example.org", $"Bench Subject {n}");
        var body = $$"""
            {"tenant":"demo","right":"access",
             "subject":{"email":{{JsonSerializer.Serialize(email)}},"name":{{JsonSerializer.Serialize(name)}}},
             "jurisdiction":"FR","language":"fr"}
            """;
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri("/api/v1/requests", UriKind.Relative), content);
            if (response.StatusCode != HttpStatusCode.Accepted)
                Fail(new Failure(n, (int)response.StatusCode, await response.Content.ReadAsStringAsync()));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Fail(new Failure(n, null, ex.Message));
        }
    }

    private void Fail(Failure failure)
    {
        if (Interlocked.Increment(ref failures) <= KeptFailures)
            kept.Enqueue(failure);
    }
}
