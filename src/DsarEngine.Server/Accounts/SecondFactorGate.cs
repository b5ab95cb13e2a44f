using DsarEngine.Server.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace DsarEngine.Server.Accounts;

// A person whose organisation requires a second factor they have not set up is refused every inbox page (the Inbox
// policy) and sent to set one up on their security page instead of to "not allowed". A call that is not a page (a
// download, a form post) is simply refused.
internal sealed class SecondFactorGate : IAuthorizationMiddlewareResultHandler
{
    public const string SetupPath = "/inbox/account/security";

    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy,
        PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden || !context.User.MustSetUpSecondFactor())
            return fallback.HandleAsync(next, context, policy, authorizeResult);
        if (HttpMethods.IsGet(context.Request.Method))
            context.Response.Redirect(SetupPath);
        else
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
