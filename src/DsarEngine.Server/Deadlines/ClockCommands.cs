using System.Security.Claims;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Workflow;
using DsarEngine.Server.Platform;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DsarEngine.Server.Deadlines;

// Extend, stop and resume a request's clock: validated here, decided by the executor as signals through the
// same one-transaction path as every other human decision, so each is journaled and a refusal changes nothing.
internal sealed class ClockCommands(RequestStore requests, SignalProcessor processor, TimeProvider clock)
{
    public const int MaxReasonLength = 2000;

    public Task<Results<Ok<StaffRequestView>, ValidationProblem, ProblemHttpResult>> ExtendAsync(
        ClaimsPrincipal user, string reference, ClockCommandBody body, CancellationToken ct) =>
        RunAsync(user, reference,
            ValidateText(body.Reason, "reason", required: true, "the reasons for the extension, as told to the subject"),
            () => new Signal.Extend(body.Reason!.Trim(), user.Actor()), ct);

    public Task<Results<Ok<StaffRequestView>, ValidationProblem, ProblemHttpResult>> StopAsync(
        ClaimsPrincipal user, string reference, ClockCommandBody body, CancellationToken ct)
    {
        // GDPR Art. 12(6), UK GDPR Art. 12A: the clock waits for proof of identity only on a reasonable doubt, so the doubt
        // is stated and journaled with the stop.
        var errors = ValidateText(body.Note, "note", required: body.Reason == "identity-proof",
            "the reasonable doubt about who the subject is (GDPR Art. 12(6)); only a stated doubt stops the clock for identity");
        if (!ClockStopReasons.All.Contains(body.Reason ?? ""))
            errors["reason"] = [$"Required: what the controller is waiting for, one of: {string.Join(", ", ClockStopReasons.All)}."];
        return RunAsync(user, reference, errors, () => new Signal.PauseClock(body.Reason!, body.Note?.Trim(), user.Actor()), ct);
    }

    public Task<Results<Ok<StaffRequestView>, ValidationProblem, ProblemHttpResult>> ResumeAsync(
        ClaimsPrincipal user, string reference, ClockCommandBody body, CancellationToken ct) =>
        RunAsync(user, reference, ValidateText(body.Note, "note", required: false, ""),
            () => new Signal.ResumeClock(body.Note?.Trim(), user.Actor()), ct);

    private async Task<Results<Ok<StaffRequestView>, ValidationProblem, ProblemHttpResult>> RunAsync(
        ClaimsPrincipal user, string reference, Dictionary<string, string[]> errors, Func<Signal> signal, CancellationToken ct)
    {
        if (errors.Count > 0)
            return Problems.Validation(errors, "Nothing was changed.");
        if (await requests.FindAsync(user.Tenant(), reference, ct) is not { } request)
            return Problems.NotFound("request in your organisation");
        var outcome = await processor.ProcessAsync(request.Id, signal(), new SignalSource("staff", null), ct);
        return outcome.Result switch
        {
            SignalResult.Applied => TypedResults.Ok(
                StaffRequestView.From((await requests.FindAsync(user.Tenant(), reference, ct))!, clock.GetUtcNow())),
            SignalResult.Refused => Problems.Of(
                StatusCodes.Status409Conflict, outcome.Slug!, "Refused; nothing was changed.", outcome.Reason),
            SignalResult.NotFound => Problems.NotFound("workflow for this request"),
            _ => Problems.Of(StatusCodes.Status409Conflict, "not-applicable", "The workflow cannot take this now; nothing was changed."),
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
}
