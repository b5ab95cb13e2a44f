using DsarEngine.Server.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DsarEngine.Server.Requests;

internal static class IntakeResults
{
    public static Results<Accepted<SubmittedRequest>, Ok<ReferralView>, ValidationProblem, ProblemHttpResult> ToHttp(
        IntakeResult result, HttpContext http, StatusLinks links)
    {
        switch (result)
        {
            case IntakeResult.Accepted accepted:
                var request = accepted.Request;
                if (accepted.Replayed)
                    http.Response.Headers["Idempotent-Replayed"] = "true";
                var url = links.Url(request.Id, request.Reference);
                return TypedResults.Accepted(url, SubmittedRequest.From(request, url, links.Token(request.Id)) with
                {
                    Controller = accepted.Routing?.Controller.Name, RoutedBy = accepted.Routing?.Processor.Name,
                    ProofRequired = accepted.ProofRequired,
                    Message = accepted.Routing is { } r
                        ? Workflows.Mail.RoutingNotices.Forwarded(
                            request.Language, r.Processor.Name, r.Workspace.DisplayName, r.Controller.Name)
                        : null,
                });
            case IntakeResult.Referred referred:
                return TypedResults.Ok(ReferralView.From(referred));
            case IntakeResult.Invalid invalid:
                return Problems.Validation(invalid.Errors);
            case IntakeResult.Refused refused:
                return Problems.Of(refused.Status, refused.Slug, refused.Title, refused.Detail);
            default:
                throw new InvalidOperationException($"Unexpected intake result {result.GetType().Name}.");
        }
    }
}
