using DsarEngine.Server.Appeals;
using DsarEngine.Workflows.Deadlines;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Tenants;

namespace DsarEngine.Server.Requests;

internal sealed partial class IntakeService
{
    // An appeal (VA §59.1-577(C), CO §6-1-1306(3), CT §42-518(d)) takes its frame from the refused request: the same place,
    // language and subject, and the appeal period of that request's law as its own clock. A reference that is not a
    // refused request of this subject gets one answer, so that the API says nothing about other people's requests.
    private async Task<(RequestFrame? Frame, AppealedRequest? Appealed)> FrameAppealAsync(
        NewRequest request, Tenant controller, DateTimeOffset receivedAt, IntakeErrors errors, CancellationToken ct)
    {
        var appealed = await appeals.FindAppealedAsync(controller.Id, request.AppealOf!, ct);
        if (appealed is null || !appealed.Refused
            || !string.Equals(appealed.SubjectEmail, request.Subject.Email, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("appealOf", "No refused request of yours has this reference: only a request refused in whole or in " +
                "part, once its answer was sent, can be appealed.");
            return (null, null);
        }
        if (!AppealPeriods.TryFor(appealed.Regime, out var rules))
        {
            errors.Add("appealOf", $"The law of this request ({appealed.Regime}) gives no appeal to the organisation; " +
                "the refusal letter says where to complain.");
            return (null, null);
        }
        if (appealed.Appealed)
        {
            errors.Add("appealOf", "This request was already appealed: the appeal's answer is final with the organisation.");
            return (null, null);
        }
        var clock = new RequestClock(rules.Clock.Id, appealed.Jurisdiction, appealed.TimeZone ?? controller.TimeZone, receivedAt,
            Extended: false, RequestClock.ParseMethod(controller.ExtensionMethod), []);
        return (new RequestFrame(request.Language ?? appealed.Language, clock,
            clock.Compute(RequestClock.ParseClosures(controller.ClosureDays))), appealed);
    }

    // Structured post-mortem instructions (LIL art. 85), and a revocation's effect on earlier ones, with the request.
    private static IntakeAttachments? WithPostMortem(NewRequest request, IntakeAttachments? next) =>
        request.PostMortem is not { } postMortem ? next : async (c, tx, stored, ct) =>
        {
            await PostMortemInstructions.PostMortemStore.WriteAsync(
                c, tx, stored.TenantId, stored.Id, request.Subject.Email, postMortem, ct);
            if (next is not null)
                await next(c, tx, stored, ct);
        };

    private static IntakeAttachments? WithAppeal(AppealedRequest? appealed, IntakeAttachments? next) =>
        appealed is null ? next : async (c, tx, stored, ct) =>
        {
            await AppealStore.WriteAsync(c, tx, stored.Id, stored.TenantId, appealed.Id, ct);
            if (next is not null)
                await next(c, tx, stored, ct);
        };
}
