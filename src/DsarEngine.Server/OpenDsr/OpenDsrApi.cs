using System.Text.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Requests;
using DsarEngine.Workflows.Requests;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.OpenDsr;

// The engine as an OpenDSR processor: a controller's request enters a workflow like any other (docs/opendsr.md).
internal static partial class OpenDsrApi
{
    private const int MaxRequestBytes = 256 * 1024;

    public static RouteGroupBuilder MapOpenDsrApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/opendsr/v1").WithTags("OpenDSR processor").RequireRateLimiting(Platform.RateLimits.OpenDsr);
        group.MapGet("/discovery", Discovery).WithSummary("What this processor supports, and where its signing certificate is");
        group.MapGet("/certificate.pem", (OpenDsrSigner signer) => signer.CertificatePem is { } pem
                ? Results.Text(pem, "application/x-pem-file") : OpenDsrProblems.Disabled())
            .WithSummary("The certificate that signs responses and callbacks");
        group.MapPost("/requests", Create).WithSummary("Submit a data-subject request as a controller (bearer token or signed body)");
        group.MapGet("/requests/{id}", Status).WithSummary("A request's status, signed");
        group.MapGet("/requests/{id}/results", ResultsArchive)
            .WithSummary("A completed access or portability request's data (ZIP: JSON and CSV per system and category, manifest)");
        group.MapDelete("/requests/{id}", Cancel).WithSummary("Cancel a pending request");
        return group;
    }

    // The certificate URL comes from the configured public base URL, never from the Host header: this document is
    // signed, and a client's forged Host must not get a signed pointer to a certificate of its choosing.
    private static IResult Discovery(OpenDsrSigner signer, IOptions<OpenDsrOptions> options, IOptions<Platform.IntakeOptions> intake)
    {
        if (!signer.Enabled)
            return OpenDsrProblems.Disabled();
        var domain = options.Value.Domain;
        var extension = new JsonObject
        {
            ["subject_request_types"] = new JsonArray([.. OpenDsrIntake.ExtensionTypes.Select(t => (JsonNode)t)]),
            ["statuses"] = new JsonArray("denied"),
        };
        return SignedJson.Of(200, new OpenDsrDiscovery(OpenDsrJson.ApiVersion,
            [.. OpenDsrIntake.SupportedIdentityTypes.Select(t => new OpenDsrSupportedIdentity(t, "raw"))],
            [.. OpenDsrIntake.StandardTypes], $"{intake.Value.PublicBaseUrl.TrimEnd('/')}/opendsr/v1/certificate.pem",
            new() { [domain] = extension }), signer, domain);
    }

    private static async Task<IResult> Create(HttpRequest http, OpenDsrSigner signer, IOptions<OpenDsrOptions> options,
        OpenDsrControllers controllers, IntakeService intake, OpenDsrStore store, Connectors.Egress.EgressPolicy egress, TimeProvider clock,
        CancellationToken ct)
    {
        if (!signer.Enabled)
            return OpenDsrProblems.Disabled();
        var raw = await OpenDsrControllers.ReadBodyAsync(http, MaxRequestBytes, ct);
        if (controllers.Authenticate(http, raw ?? []) is not { } controller)
            return OpenDsrProblems.Unauthorized();
        if (raw is null)
            return OpenDsrProblems.Invalid([("body", $"At most {MaxRequestBytes} bytes.")]);
        OpenDsrRequestBody? body;
        try { body = JsonSerializer.Deserialize<OpenDsrRequestBody>(raw, OpenDsrJson.Options); }
        catch (JsonException) { body = null; }
        if (body is null)
            return OpenDsrProblems.Invalid([("body", "A JSON OpenDSR request.")]);
        var (form, id, errors) = OpenDsrIntake.Map(body, controller.Controller.Tenant, options.Value.Domain, egress);
        if (form is null)
            return OpenDsrProblems.Invalid(errors);
        // The idempotency key makes the same subject_request_id from the same controller the same request (and workflow).
        var result = await intake.SubmitAsync(new IntakeCommand(form, IntakeOrigin.Controller, raw, $"opendsr:{controller.Id}:{id:D}", null,
            $"opendsr:{controller.Id}", null), ct);
        if (result is IntakeResult.Invalid invalid)
            return OpenDsrProblems.Invalid(invalid.Errors.SelectMany(e => e.Value.Select(m => (e.Key, m))));
        if (result is not IntakeResult.Accepted accepted)
            return OpenDsrProblems.Invalid([("subject_request_id", "This subject_request_id was already used for a different request.")]);
        var request = accepted.Request;
        await store.LinkAsync(new OpenDsrLink(
            controller.Id, id, request.TenantId, request.Id, [.. body.StatusCallbackUrls ?? []], "pending", clock.GetUtcNow(), null), ct);
        return SignedJson.Of(201, new OpenDsrCreated(controller.Id, request.DueAt ?? request.ReceivedAt.AddDays(30), request.CreatedAt,
            Convert.ToBase64String(raw), id.ToString("D"), OpenDsrJson.ApiVersion), signer, options.Value.Domain);
    }
}
