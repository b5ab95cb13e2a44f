using DsarEngine.Server.Requests;
using DsarEngine.Server.Tenants;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Server.Portal;

internal static partial class PortalApi
{
    // The subject appeals a refused request from its page (VA §59.1-577(C), CO §6-1-1306(3), CT §42-518(d)): the appeal is a
    // request of its own, made through the one intake path for this subject and this request, with its own status link.
    private static async Task<IResult> Appeal(string reference, HttpContext http, PortalAccess access, TenantStore tenants,
        IntakeService intake, CancellationToken ct)
    {
        var (refusal, view) = await OpenFormPostAsync(reference, http, access, "POST /api/v1/requests", ct);
        if (view is null)
            return refusal!;
        var form = await http.Request.ReadFormAsync(ct);
        var why = form["why"].ToString();
        var tenant = await tenants.FindAsync(view.Request.TenantId, ct);
        var submission = new IntakeForm
        {
            Tenant = tenant?.Slug, Right = "appeal", AppealOf = view.Request.Reference, Language = view.Request.Language,
            Subject = new IntakeSubject { Email = view.Request.SubjectEmail() },
            Details = string.IsNullOrWhiteSpace(why) ? null : why,
        };
        var raw = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(submission);
        var result = await intake.SubmitAsync(new IntakeCommand(submission, IntakeOrigin.Public, raw, null, null, "subject", null), ct);
        return result is IntakeResult.Accepted
            ? PortalResults.SeeOther($"{PortalPaths.Page(reference)}?done=appealed")
            : PortalResults.SeeOther($"{PortalPaths.Page(reference)}?done=appeal-refused");
    }
}
