using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Requests;
using DsarEngine.Workflows.Security;

namespace DsarEngine.Server.Representatives;

internal enum ProofOutcome { Confirmed, Invalid, Refused, NotFound, NoRepresentative, AlreadyConfirmed }

// What a confirmation came to; Errors name the field of an invalid one. A refused or invalid one changed nothing.
internal sealed record ProofResult(ProofOutcome Outcome, RepresentativeView? View = null,
    IReadOnlyDictionary<string, string[]>? Errors = null);

// A person confirms the proof of someone acting for the subject, noting what they checked. The staff API's POST
// …/representative/proof and the inbox's request page both call this, so both check the same role, organisation and
// evidence (the inbox also limits an agent to their own requests, as for every page action: RequestActions).
internal sealed class ProofConfirmation(RequestStore requests, RepresentativeStore representatives, TimeProvider clock)
{
    public const int MaxEvidenceLength = 2000;

    public async Task<ProofResult> ConfirmAsync(ClaimsPrincipal by, string reference, string? evidence, CancellationToken ct)
    {
        if (by.Identity?.IsAuthenticated != true || by.FindFirst(StaffClaims.TenantId) is null || !StaffRoles.Writers.Any(by.IsInRole))
            return new(ProofOutcome.Refused);
        var checkedText = evidence?.Trim();
        if (string.IsNullOrEmpty(checkedText) || checkedText.Length > MaxEvidenceLength)
            return new(ProofOutcome.Invalid, Errors: new Dictionary<string, string[]>
            {
                ["evidence"] = [$"Required (at most {MaxEvidenceLength} characters): what was checked, e.g. " +
                    "'signed permission of 2 March seen; consumer confirmed by phone'."],
            });
        if (await requests.FindAsync(by.Tenant(), reference, ct) is not { } request)
            return new(ProofOutcome.NotFound);
        if (await representatives.FindAsync(request.TenantId, request.Id, ct) is null)
            return new(ProofOutcome.NoRepresentative);
        if (!await representatives.ConfirmAsync(request.TenantId, request.Id, by.Actor(), checkedText, clock.GetUtcNow(), ct))
            return new(ProofOutcome.AlreadyConfirmed);
        return new(ProofOutcome.Confirmed, RepresentativeView.From((await representatives.FindAsync(request.TenantId, request.Id, ct))!,
            request));
    }

    // Who acts for the subject of this request and where their proof stands; null without one (or another organisation's).
    public async Task<RepresentativeView?> FindAsync(StoredRequest request, CancellationToken ct) =>
        await representatives.FindAsync(request.TenantId, request.Id, ct) is { } r ? RepresentativeView.From(r, request) : null;
}
