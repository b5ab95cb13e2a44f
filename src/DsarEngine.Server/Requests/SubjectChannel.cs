using DsarEngine.Server.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DsarEngine.Server.Requests;

// Acts proven with a secret sent to the subject (the identity link or code, the pack code) are journaled as the
// subject's own. A call carrying a staff API key is not the subject's channel, whoever holds the code: it is
// refused, and staff use their own endpoints, where the evidence and the staff member are recorded (review H1).
internal static class SubjectChannel
{
    public static ProblemHttpResult? RefuseStaff(HttpContext http, string staffEndpoint) =>
        http.User.Identity?.IsAuthenticated == true
            ? Problems.Of(StatusCodes.Status403Forbidden, "forbidden", "Use the staff endpoint with evidence.",
                $"This endpoint is the subject's own; a staff member acts through {staffEndpoint}, which records who did it and why.")
            : null;
}
