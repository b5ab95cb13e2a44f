using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Requests;
using DsarEngine.Workflows.Security;

namespace DsarEngine.Server.RequestNotices;

internal enum NoticeOutcome { Done, Invalid, Refused, NotFound, Conflict }

// What a person's change to a request's notices came to; Errors name the field. Anything but Done changed nothing.
internal sealed record NoticeResult(NoticeOutcome Outcome, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static readonly NoticeResult Done = new(NoticeOutcome.Done);
    public static readonly NoticeResult Refused = new(NoticeOutcome.Refused);
    public static readonly NoticeResult NotFound = new(NoticeOutcome.NotFound);
    public static readonly NoticeResult Conflict = new(NoticeOutcome.Conflict);
}

// Recording whom a request's outcome must reach and that they were told (GDPR Art. 19, 17(2)). The staff API
// (RequestNoticesApi) and the inbox's request page call the same checks: a person who may change requests, of the
// request's organisation (another's reference reads as not found), with valid input; a refusal stores nothing.
internal sealed class RequestNoticeCommands(RequestStore requests, RequestNoticeStore notices, TimeProvider clock)
{
    private static readonly HashSet<string> Rights = ["rectification", "erasure", "restriction"];

    public async Task<NoticeResult> AddAsync(ClaimsPrincipal by, string reference, NoticeBody body, CancellationToken ct)
    {
        if (!MayChange(by))
            return NoticeResult.Refused;
        if (await requests.FindAsync(by.Tenant(), reference, ct) is not { } request)
            return NoticeResult.NotFound;
        var (kind, recipient, system) = body;
        var errors = new Dictionary<string, string[]>();
        if (kind is not (RequestNoticeKinds.Recipient or RequestNoticeKinds.Controller))
            errors["kind"] = ["One of: recipient (Art. 19), controller (Art. 17(2))."];
        else if (kind == RequestNoticeKinds.Controller && request.RightKind != "erasure")
            errors["kind"] = ["Other controllers are informed only of an erasure (GDPR Art. 17(2))."];
        else if (!Rights.Contains(request.RightKind))
            errors["kind"] = ["Recipients are told only of a rectification, erasure or restriction (GDPR Art. 19)."];
        if (string.IsNullOrWhiteSpace(recipient) || recipient.Trim().Length > 200)
            errors["recipient"] = ["Required (at most 200 characters): the organisation to tell."];
        if (system is { Length: > 100 })
            errors["system"] = ["At most 100 characters."];
        if (errors.Count > 0)
            return new(NoticeOutcome.Invalid, errors);
        return await notices.AddAsync(request, kind!, system?.Trim() ?? "", recipient!.Trim(), by.Actor(), clock.GetUtcNow(), ct)
            ? NoticeResult.Done
            : NoticeResult.Conflict;
    }

    // The record that it was done: now, by this person, how.
    public async Task<NoticeResult> MarkNotifiedAsync(ClaimsPrincipal by, string reference, Guid id, NotifiedBody body,
        CancellationToken ct)
    {
        if (!MayChange(by))
            return NoticeResult.Refused;
        if (string.IsNullOrWhiteSpace(body.Method) || body.Method.Trim().Length > 500)
            return new(NoticeOutcome.Invalid, new Dictionary<string, string[]>
            {
                ["method"] = ["Required (at most 500 characters): how it was told, e.g. 'e-mail to privacy@partner.example'."],
            });
        if (await requests.FindAsync(by.Tenant(), reference, ct) is not { } request)
            return NoticeResult.NotFound;
        return await notices.MarkNotifiedAsync(request.TenantId, request.Id, id, by.Actor(), body.Method.Trim(), clock.GetUtcNow(), ct)
            ? NoticeResult.Done
            : NoticeResult.Conflict;
    }

    private static bool MayChange(ClaimsPrincipal by) =>
        by.Identity?.IsAuthenticated == true && by.FindFirst(StaffClaims.TenantId) is not null && StaffRoles.Writers.Any(by.IsInRole);
}
