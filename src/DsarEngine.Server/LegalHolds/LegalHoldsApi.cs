using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.LegalHolds;

// The organisation's legal-hold register (GDPR Art. 17(3)(b), (e)): every erase command carries the holds in force for
// its system, and a system that keeps more is flagged to the reviewer. Staff read it; admins add and end holds.
internal static class LegalHoldsApi
{
    public static RouteGroupBuilder MapLegalHoldsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff/legal-holds").WithTags("Staff: legal holds").RequireAuthorization(AuthServices.Staff);
        group.MapGet("/", List).WithSummary("The legal holds: category, basis, until when, which systems; ended ones too");
        group.MapPost("/", Add).RequireAuthorization(AuthServices.Admin).Accepts<LegalHoldBody>("application/json")
            .WithSummary("Add a legal hold (admins only): erase commands keep its category from now on");
        group.MapPost("/{id:guid}/end", End).RequireAuthorization(AuthServices.Admin)
            .WithSummary("End a legal hold (admins only): erase commands no longer keep its category");
        return group;
    }

    internal sealed record LegalHoldView(Guid Id, string Category, string LegalBasis, DateOnly? Until, string[] Systems,
        DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? EndedAt, string? EndedBy)
    {
        public static LegalHoldView From(StoredLegalHold h) =>
            new(h.Id, h.Category, h.LegalBasis, h.Until, h.Systems, h.CreatedAt, h.CreatedBy, h.EndedAt, h.EndedBy);
    }

    private static async Task<Ok<LegalHoldView[]>> List(ClaimsPrincipal user, LegalHoldStore holds, CancellationToken ct) =>
        TypedResults.Ok((await holds.ListAsync(user.Tenant(), ct)).Select(LegalHoldView.From).ToArray());

    private static async Task<Results<Created<LegalHoldView>, ValidationProblem, ProblemHttpResult>> Add(HttpRequest http,
        ClaimsPrincipal user, LegalHoldsAdmin admin, IOptions<IntakeOptions> options, CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync<LegalHoldBody>(http, options.Value.MaxBodyBytes, ct);
        if (body.Problem is not null)
            return body.Problem;
        var added = await admin.AddAsync(user, body.Value, ct);
        return added.Result.Outcome switch
        {
            SettingsChange.Done => TypedResults.Created($"/api/v1/staff/legal-holds/{added.Hold!.Id}", LegalHoldView.From(added.Hold)),
            SettingsChange.Invalid => Problems.Validation(added.Result.Errors.ToDictionary(), "Nothing was stored."),
            _ => Forbidden,
        };
    }

    private static async Task<Results<Ok<LegalHoldView>, ProblemHttpResult>> End(
        Guid id, ClaimsPrincipal user, LegalHoldsAdmin admin, CancellationToken ct)
    {
        var ended = await admin.EndAsync(user, id, ct);
        return ended.Result.Outcome switch
        {
            SettingsChange.Done => TypedResults.Ok(LegalHoldView.From(ended.Hold!)),
            SettingsChange.NotFound => Problems.NotFound("legal hold in force in your organisation"),
            _ => Forbidden,
        };
    }

    private static ProblemHttpResult Forbidden =>
        Problems.Of(StatusCodes.Status403Forbidden, "forbidden", "Only an admin can change the organisation's settings.");
}
