using System.Security.Claims;
using System.Text.Json;
using DsarEngine.Server.Apis;
using DsarEngine.Server.Auth;
using DsarEngine.Server.Infrastructure;
using DsarEngine.Workflows.Deadlines;
using DsarEngine.Workflows.Persistence;
using DsarEngine.Workflows.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DsarEngine.Server.Deadlines;

// Extend, stop and resume a request's clock. The decisions are pure functions of the locked row (see
// ClockDecisions); this class validates the input and turns outcomes into HTTP answers.
internal sealed class ClockCommands(RequestStore requests, TenantStore tenants, TimeProvider clock)
{
    public const int MaxReasonLength = 2000;

    public Task<Results<Ok<StaffRequestView>, ValidationProblem, ProblemHttpResult>> ExtendAsync(
        ClaimsPrincipal user, string reference, ClockCommandBody body, CancellationToken ct) =>
        RunAsync(user, reference, ValidateText(body.Reason, "reason", required: true, "the reasons for the extension, as told to the subject"),
            (closures, now) => request => ClockDecisions.Extend(request, closures, now, body.Reason!.Trim()), ct);

    public Task<Results<Ok<StaffRequestView>, ValidationProblem, ProblemHttpResult>> StopAsync(
        ClaimsPrincipal user, string reference, ClockCommandBody body, CancellationToken ct)
    {
        var errors = ValidateText(body.Note, "note", required: false, "");
        if (!ClockStopReasons.All.Contains(body.Reason ?? ""))
            errors["reason"] = [$"Required: what the controller is waiting for, one of: {string.Join(", ", ClockStopReasons.All)}."];
        return RunAsync(user, reference, errors, (closures, now) => request => ClockDecisions.Stop(request, closures, now, body.Reason!, body.Note), ct);
    }

    public Task<Results<Ok<StaffRequestView>, ValidationProblem, ProblemHttpResult>> ResumeAsync(
        ClaimsPrincipal user, string reference, ClockCommandBody body, CancellationToken ct) =>
        RunAsync(user, reference, ValidateText(body.Note, "note", required: false, ""),
            (closures, now) => request => ClockDecisions.Resume(request, closures, now, body.Note), ct);

    private async Task<Results<Ok<StaffRequestView>, ValidationProblem, ProblemHttpResult>> RunAsync(
        ClaimsPrincipal user, string reference, Dictionary<string, string[]> errors,
        Func<IReadOnlyList<ClosureDay>, DateTimeOffset, Func<StoredRequest, RequestChange>> decision, CancellationToken ct)
    {
        if (errors.Count > 0)
            return Problems.Validation(errors, "Nothing was changed.");
        var now = clock.GetUtcNow();
        var tenant = await tenants.FindAsync(user.Tenant(), ct);
        var closures = RequestClock.ParseClosures(tenant?.ClosureDays);
        return await requests.ChangeAsync(user.Tenant(), reference, user.Actor(), now, decision(closures, now), ct) switch
        {
            ChangeOutcome.Changed changed => TypedResults.Ok(StaffRequestView.From(changed.Request, now)),
            ChangeOutcome.Refused refused => Problems.Of(StatusCodes.Status409Conflict, refused.Slug, "Refused; nothing was changed.", refused.Reason),
            _ => Problems.NotFound("request in your organisation"),
        };
    }

    private static Dictionary<string, string[]> ValidateText(string? text, string field, bool required, string what)
    {
        var errors = new Dictionary<string, string[]>();
        if (required && string.IsNullOrWhiteSpace(text))
            errors[field] = [$"Required: {what}."];
        else if (text is { Length: > MaxReasonLength })
            errors[field] = [$"At most {MaxReasonLength} characters."];
        return errors;
    }

    internal static string Json(object data) => JsonSerializer.Serialize(data, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
