using DsarEngine.Server.Identity;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Server.Portal;

internal static partial class PortalApi
{
    public const string CodeField = "code";

    private static async Task<IResult> IdentityPage(string reference, HttpContext http, PortalAccess access, CancellationToken ct)
    {
        var (door, view) = await access.OpenAsync(http, reference, ct);
        if (view is null)
            return Refused(http, door);
        await access.ViewedAsync(view.Request, "identity", ct);
        return PortalResults.Page<Pages.PortalIdentityPage>(IdentityModel(view, []));
    }

    // GDPR Art. 12(6): the e-mailed code proves the person holds the address the request was made with.
    private static async Task<IResult> Identity(string reference, HttpContext http, PortalAccess access, PortalIdentity identity,
        CancellationToken ct)
    {
        var (refusal, view) = await OpenFormPostAsync(reference, http, access,
            "POST /api/v1/staff/requests/{reference}/identity with evidence", ct);
        if (view is null)
            return refusal!;
        var code = (await http.Request.ReadFormAsync(ct))[CodeField].ToString().Trim();
        if (code.Length == 0)
            return Invalid("Portal.Error.CodeEmpty");
        var error = await identity.VerifyAsync(view.Request, code, ct) switch
        {
            VerificationResult.Verified => null,
            VerificationResult.Wrong => "Portal.Error.CodeWrong",
            VerificationResult.Expired => "Portal.Error.CodeExpired",
            VerificationResult.Used => "Portal.Error.CodeUsed",
            VerificationResult.TooManyAttempts => "Portal.Error.CodeLocked",
            _ => "Portal.IdentityNotWaiting",
        };
        return error is null ? PortalResults.SeeOther($"{PortalPaths.Page(reference)}?done=identity") : Invalid(error);

        IResult Invalid(string key) => PortalResults.Page<Pages.PortalIdentityPage>(
            IdentityModel(view, [new PortalFieldError(CodeField, key)]), StatusCodes.Status400BadRequest);
    }

    private static PortalIdentityModel IdentityModel(PortalView view, IReadOnlyList<PortalFieldError> errors) =>
        new(PortalHomeQuery.Frame(view, PortalPaths.Identity(view.Request.Reference)),
            view.Request.Status == RequestStatus.AwaitingIdentity, errors);
}
