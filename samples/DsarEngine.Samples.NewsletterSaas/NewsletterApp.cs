using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using DsarEngine.Connectors;

namespace DsarEngine.Samples.NewsletterSaas;

// The simulator's HTTP side: the DSAR endpoint the engine calls, its status polls, and a loopback-only admin endpoint
// to change the faults while it runs.
public static class NewsletterApp
{
    public static WebApplication Build(string url, byte[] secret, Faults faults, HttpMessageHandler? callbackHandler = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        var subscribers = new Subscribers();
        var pending = new ConcurrentDictionary<Guid, (HttpTaskResult Result, int Polls)>();
        var callbacks = callbackHandler is null ? new HttpClient() : new HttpClient(callbackHandler, disposeHandler: false);

        app.MapPost("/dsar/v1/tasks", async (HttpRequest http) =>
        {
            var body = await ReadAsync(http);
            if (!HttpTaskSignature.Verify(
                http.Headers[HttpTaskSignature.Header], secret, body, TimeProvider.System.GetUtcNow(), TimeSpan.FromMinutes(5)))
                return Results.Problem(statusCode: 401, title: "Bad or missing signature.", type: "urn:newsletter:problem:bad-signature");
            var fail = faults.CountAndFail(http.Headers["Idempotency-Key"].FirstOrDefault());
            if (faults.LatencyMs > 0)
                await Task.Delay(faults.LatencyMs, http.HttpContext.RequestAborted);
            if (fail)
                return Results.Problem(statusCode: 503, title: "Temporarily unavailable (injected fault).");
            var request = JsonSerializer.Deserialize<HttpTaskRequest>(body, ExportUpload.Json);
            if (request?.Task is null || request.Identities is null)
                return Results.Problem(statusCode: 400, title: "Not a DSAR task.");
            var result = TaskWork.Do(subscribers, request) with { Task = request.Task };
            faults.Work(request.Task.TaskId, request.Task.RequestId, request.Action);
            switch (faults.Mode)
            {
                case "poll":
                    pending[request.Task.TaskId] = (result, 0);
                    return Results.Json(new HttpTaskAccepted($"dsar/v1/tasks/{request.Task.TaskId}"), ExportUpload.Json, statusCode: 202);
                case "callback" when request.CallbackUrl is { } callback:
                    _ = Task.Run(() => CallBackAsync(callbacks, secret, callback, result));
                    return Results.Json(new HttpTaskAccepted(null), ExportUpload.Json, statusCode: 202);
                default:
                    return Results.Json(result, ExportUpload.Json);
            }
        });

        // Poll mode: the first poll says "still running", the next one gives the result.
        app.MapGet("/dsar/v1/tasks/{taskId:guid}", (Guid taskId, HttpRequest http) =>
        {
            if (!HttpTaskSignature.Verify(
                http.Headers[HttpTaskSignature.Header], secret, [], TimeProvider.System.GetUtcNow(), TimeSpan.FromMinutes(5)))
                return Results.Problem(statusCode: 401, title: "Bad or missing signature.");
            if (!pending.TryGetValue(taskId, out var entry))
                return Results.Problem(statusCode: 404, title: "No such task.");
            pending[taskId] = entry with { Polls = entry.Polls + 1 };
            return entry.Polls == 0
                ? Results.Json(new HttpTaskAccepted($"dsar/v1/tasks/{taskId}"), ExportUpload.Json, statusCode: 202)
                : Results.Json(entry.Result, ExportUpload.Json);
        });

        app.MapPost("/admin/faults", (HttpContext context, FaultsBody change) =>
        {
            if (context.Connection.RemoteIpAddress is { } ip && !IPAddress.IsLoopback(ip))
                return Results.Problem(statusCode: 403, title: "Loopback only.");
            (faults.LatencyMs, faults.FailureRate, faults.Mode) =
                (change.LatencyMs ?? faults.LatencyMs, change.FailureRate ?? faults.FailureRate, change.Mode ?? faults.Mode);
            return Results.Ok(new { faults.LatencyMs, faults.FailureRate, faults.Mode, faults.Calls });
        });
        app.MapGet("/subscribers/{email}", (string email) => subscribers.Find(email) is { } s ? Results.Ok(s) : Results.NotFound());
        return app;
    }

    private static async Task CallBackAsync(HttpClient client, byte[] secret, string url, HttpTaskResult result)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(result, ExportUpload.Json);
        using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new("application/json");
        message.Headers.Add(HttpTaskSignature.Header, HttpTaskSignature.Sign(secret, TimeProvider.System.GetUtcNow(), body));
        try { (await client.SendAsync(message)).Dispose(); }
        catch (HttpRequestException) { } // the engine's task timeout covers a callback that never arrives
    }

    private static async Task<byte[]> ReadAsync(HttpRequest http)
    {
        using var buffer = new MemoryStream();
        await http.Body.CopyToAsync(buffer, http.HttpContext.RequestAborted);
        return buffer.ToArray();
    }
}

public sealed record FaultsBody(int? LatencyMs, double? FailureRate, string? Mode);
