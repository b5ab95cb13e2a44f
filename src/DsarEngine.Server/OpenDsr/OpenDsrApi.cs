using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DsarEngine.Server.Infrastructure;
using DsarEngine.Server.Intake;
using DsarEngine.Workflows.Persistence;
using DsarEngine.Workflows.Persistence.Runtime;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Runtime;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DsarEngine.Server.OpenDsr;

// The engine as an OpenDSR processor: a controller's request enters a workflow like any other (docs/opendsr.md).
internal static class OpenDsrApi
{
    public static RouteGroupBuilder MapOpenDsrApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/opendsr/v1").WithTags("OpenDSR processor");
        group.MapGet("/discovery", Discovery).WithSummary("What this processor supports, and where its signing certificate is");
        group.MapGet("/certificate.pem", (OpenDsrSigner signer) => signer.CertificatePem is { } pem
            ? Results.Text(pem, "application/x-pem-file") : Disabled()).WithSummary("The certificate that signs responses and callbacks");
        group.MapPost("/requests", Create).WithSummary("Submit a data-subject request as a controller (bearer token)");
        group.MapGet("/requests/{id}", Status).WithSummary("A request's status, signed");
        group.MapDelete("/requests/{id}", Cancel).WithSummary("Cancel a pending request");
        return group;
    }

    private static IResult Discovery(HttpRequest http, OpenDsrSigner signer, IOptions<OpenDsrOptions> options)
    {
        if (!signer.Enabled)
            return Disabled();
        var domain = options.Value.Domain;
        return SignedJson.Of(200, new OpenDsrDiscovery(OpenDsrJson.ApiVersion,
            [.. OpenDsrIntake.SupportedIdentityTypes.Select(t => new OpenDsrSupportedIdentity(t, "raw"))],
            [.. OpenDsrIntake.StandardTypes], $"{http.Scheme}://{http.Host}/opendsr/v1/certificate.pem",
            new() { [domain] = new System.Text.Json.Nodes.JsonObject { ["subject_request_types"] = new System.Text.Json.Nodes.JsonArray([.. OpenDsrIntake.ExtensionTypes.Select(t => (System.Text.Json.Nodes.JsonNode)t)]), ["statuses"] = new System.Text.Json.Nodes.JsonArray("denied") } }),
            signer, domain);
    }

    private static async Task<IResult> Create(HttpRequest http, OpenDsrSigner signer, IOptions<OpenDsrOptions> options, IntakeService intake,
        RequestStore requests, OpenDsrStore store, TimeProvider clock, CancellationToken ct)
    {
        if (!signer.Enabled)
            return Disabled();
        if (Authenticate(http, options.Value) is not { } controller)
            return Unauthorized();
        using var buffer = new MemoryStream();
        await http.Body.CopyToAsync(buffer, ct);
        var raw = buffer.ToArray();
        OpenDsrRequestBody? body;
        try { body = JsonSerializer.Deserialize<OpenDsrRequestBody>(raw, OpenDsrJson.Options); }
        catch (JsonException) { body = null; }
        if (body is null)
            return Invalid([("body", "A JSON OpenDSR request.")]);
        var (form, id, errors) = OpenDsrIntake.Map(body, controller.Value.Tenant, options.Value.Domain);
        if (form is null)
            return Invalid(errors);
        var result = await intake.SubmitAsync(new IntakeCommand(form, IntakeOrigin.Staff, raw, $"opendsr:{controller.Key}:{id:D}", null,
            $"opendsr:{controller.Key}", null), ct);
        if (result is IntakeResult.Invalid invalid)
            return Invalid(invalid.Errors.SelectMany(e => e.Value.Select(m => (e.Key, m))));
        if (result is not IntakeResult.Accepted accepted)
            return Invalid([("subject_request_id", "This subject_request_id was already used for a different request.")]);
        var request = accepted.Request;
        await store.LinkAsync(new OpenDsrLink(controller.Key, id, request.TenantId, request.Id, [.. body.StatusCallbackUrls ?? []], "pending", clock.GetUtcNow(), null), ct);
        return SignedJson.Of(201, new OpenDsrCreated(controller.Key, request.DueAt ?? request.ReceivedAt.AddDays(30), request.CreatedAt,
            Convert.ToBase64String(raw), id.ToString("D"), OpenDsrJson.ApiVersion), signer, options.Value.Domain);
    }

    private static async Task<IResult> Status(string id, HttpRequest http, OpenDsrSigner signer, IOptions<OpenDsrOptions> options,
        OpenDsrStore store, RequestStore requests, NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var (found, refusal) = await LookUpAsync(id, http, signer, options.Value, store, requests, dataSource, ct);
        if (found is not { } f)
            return refusal!;
        var (status, extension) = OpenDsrStatuses.Of(f.Request.Status, f.Link.CancelledAt, f.Instance);
        return SignedJson.Of(200, new OpenDsrStatus(f.Controller, f.Request.DueAt, id, status, OpenDsrJson.ApiVersion,
            OpenDsrStatuses.Extensions(options.Value.Domain, extension)), signer, options.Value.Domain);
    }

    // OpenDSR § 9: a controller may cancel while the request is pending; the engine closes the request with the reason.
    private static async Task<IResult> Cancel(string id, HttpRequest http, OpenDsrSigner signer, IOptions<OpenDsrOptions> options,
        OpenDsrStore store, RequestStore requests, SignalProcessor processor, NpgsqlDataSource dataSource, TimeProvider clock, CancellationToken ct)
    {
        var (found, refusal) = await LookUpAsync(id, http, signer, options.Value, store, requests, dataSource, ct);
        if (found is not { } f)
            return refusal!;
        var (link, request, controller, requestId) = (f.Link, f.Request, f.Controller, f.Link.SubjectRequestId);
        if (link.CancelledAt is null && OpenDsrStatuses.Of(request.Status, null, f.Instance).Status != "pending")
            return Invalid([("subject_request_id", "Only a pending request can be cancelled; this one is already being worked on.")]);
        var now = clock.GetUtcNow();
        if (link.CancelledAt is null)
        {
            await processor.ProcessAsync(request.Id, new Signal.Close($"opendsr:{controller}", "Cancelled by the controller over OpenDSR."), new SignalSource("opendsr", null), ct);
            await store.CancelAsync(controller, requestId, now, ct);
        }
        return SignedJson.Of(202, new OpenDsrCancelled(controller, id, now, OpenDsrJson.ApiVersion), signer, options.Value.Domain);
    }

    private sealed record Found(string Controller, OpenDsrLink Link, StoredRequest Request, WorkflowInstance? Instance);

    // The authenticated controller's request named in the URL, or the answer that refuses the call.
    private static async Task<(Found?, IResult?)> LookUpAsync(string id, HttpRequest http, OpenDsrSigner signer, OpenDsrOptions options,
        OpenDsrStore store, RequestStore requests, NpgsqlDataSource dataSource, CancellationToken ct)
    {
        if (!signer.Enabled)
            return (null, Disabled());
        if (Authenticate(http, options) is not { } controller)
            return (null, Unauthorized());
        if (!Guid.TryParse(id, out var requestId) || await store.FindAsync(controller.Key, requestId, ct) is not { } link
            || await requests.FindByIdAsync(link.TenantId, link.RequestId, ct) is not { } request)
            return (null, NotFound());
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return (new Found(controller.Key, link, request, await InstanceRows.FindAsync(c, link.TenantId, link.RequestId, ct)), null);
    }

    // Bearer token per controller; only its SHA-256 is configured, compared in constant time.
    private static KeyValuePair<string, OpenDsrController>? Authenticate(HttpRequest http, OpenDsrOptions options)
    {
        var header = http.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
            return null;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()));
        foreach (var pair in options.Controllers)
            if (CryptographicOperations.FixedTimeEquals(hash, Convert.FromHexString(pair.Value.TokenSha256)))
                return pair;
        return null;
    }

    private static IResult Invalid(IEnumerable<(string Field, string Message)> errors)
    {
        var list = errors.ToList();
        return Results.Problem(statusCode: 400, type: Problems.Type("validation"), title: "The OpenDSR request is not valid; nothing was stored.",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = list.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                ["error"] = OpenDsrJson.Error(400, list.FirstOrDefault().Message ?? "Invalid request.", list),
            });
    }

    private static IResult Unauthorized() => Results.Problem(statusCode: 401, type: Problems.Type("unauthenticated"),
        title: "A controller's bearer token is required.");

    private static IResult NotFound() => Results.Problem(statusCode: 404, type: Problems.Type("not-found"), title: "No such request for this controller.");

    private static IResult Disabled() => Results.Problem(statusCode: 404, type: Problems.Type("opendsr-not-configured"),
        title: "OpenDSR is not configured on this engine (Dsar:OpenDsr).");
}
