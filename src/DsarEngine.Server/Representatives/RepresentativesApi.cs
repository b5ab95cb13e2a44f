using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Requests;
using DsarEngine.Workflows.Requests;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Representatives;

internal sealed record ProofBody(string? Evidence);

// Status: awaited, received or confirmed; the rest is what the request's law asks for (RepresentativeProof).
internal sealed record RepresentativeProofView(string Status, string Documents, bool SubjectConfirms, int? ChildUnder, string Source,
    DateTimeOffset? ConfirmedAt, string? ConfirmedBy, string? Evidence);

internal sealed record RepresentativeView(string Relationship, string Name, string Email, RepresentativeProofView Proof)
{
    public static RepresentativeView From(RepresentativeRecord r, StoredRequest request)
    {
        var needed = RepresentativeProof.For(request.Regime, request.Jurisdiction, r.Relationship);
        return new(r.Relationship, r.Name, r.Email, new(r.ProofStatus, needed.Documents, needed.SubjectConfirms, needed.ChildUnder,
            needed.Source, r.ProofConfirmedAt, r.ProofConfirmedBy, r.ProofEvidence));
    }
}

// Staff see what a representative must show under the request's law and confirm it once seen; until then the assessment
// cannot proceed (WorkflowService). Personal data (the representative's name and e-mail): staff only, never logged.
internal static class RepresentativesApi
{
    public static IEndpointRouteBuilder MapRepresentatives(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff/requests/{reference}/representative").WithTags("Staff: representatives")
            .RequireAuthorization(AuthServices.Staff);
        group.MapGet("/", Get).WithSummary("Who acts for the subject, and the proof the request's law asks of them");
        group.MapPost("/proof", Confirm).RequireAuthorization(AuthServices.StaffWrite).Accepts<ProofBody>("application/json")
            .WithSummary("Confirm the representative's proof, noting what was checked");
        return app;
    }

    private static async Task<Results<Ok<RepresentativeView>, ProblemHttpResult>> Get(string reference, ClaimsPrincipal user,
        RequestStore requests, RepresentativeStore representatives, CancellationToken ct)
    {
        if (await requests.FindAsync(user.Tenant(), reference, ct) is not { } request)
            return Problems.NotFound("request in your organisation");
        return await representatives.FindAsync(request.TenantId, request.Id, ct) is { } r
            ? TypedResults.Ok(RepresentativeView.From(r, request))
            : Problems.NotFound("representative for this request");
    }

    private static async Task<Results<Ok<RepresentativeView>, ValidationProblem, ProblemHttpResult>> Confirm(string reference,
        HttpRequest http, ClaimsPrincipal user, ProofConfirmation proofs, IOptions<IntakeOptions> options, CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync<ProofBody>(http, options.Value.MaxBodyBytes, ct);
        if (body.Problem is not null)
            return body.Problem;
        var result = await proofs.ConfirmAsync(user, reference, body.Value!.Evidence, ct);
        return result.Outcome switch
        {
            ProofOutcome.Confirmed => TypedResults.Ok(result.View!),
            ProofOutcome.Invalid => Problems.Validation(result.Errors!.ToDictionary(), "Nothing was changed."),
            ProofOutcome.NotFound => Problems.NotFound("request in your organisation"),
            ProofOutcome.NoRepresentative => Problems.NotFound("representative for this request"),
            ProofOutcome.AlreadyConfirmed => Problems.Of(StatusCodes.Status409Conflict, "proof-already-confirmed",
                "The proof was already confirmed.", "Nothing was changed."),
            _ => Problems.Of(StatusCodes.Status403Forbidden, "forbidden", "Your role can read but not change requests."),
        };
    }
}
