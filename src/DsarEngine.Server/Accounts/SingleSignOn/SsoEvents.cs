using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace DsarEngine.Server.Accounts.SingleSignOn;

// Once the handler has checked everything (state, signature by the IdP's published keys, issuer, audience, lifetime, and
// the nonce), SsoSignIn decides who the person is. Not in TokenValidated: in the code flow that event runs before the
// nonce is compared, and answering there would skip the comparison (a test with a wrong nonce caught it). Any failure of
// the protocol ends on the refusal page, never on an error.
internal sealed partial class SsoEvents(SsoSignIn signIn, ILogger<SsoEvents> log) : OpenIdConnectEvents
{
    public const string ReturnUrlItem = "dsar:return-url";

    public override async Task TicketReceived(TicketReceivedContext context)
    {
        context.Properties!.Items.TryGetValue(ReturnUrlItem, out var returnUrl);
        var refusal = await signIn.SignInAsync(context.HttpContext, SsoSchemes.TenantOf(context.Scheme.Name), context.Principal!,
            context.HttpContext.RequestAborted);
        context.HandleResponse();
        context.Response.Redirect(refusal is null
            ? $"{SsoPaths.SignedIn}?returnUrl={Uri.EscapeDataString(Inbox.ReturnPaths.Local(returnUrl))}"
            : $"{SsoPaths.Refused}?reason={refusal}");
    }

    public override Task RemoteFailure(RemoteFailureContext context)
    {
        // The exception's type only: an IdP's error description is its text, not ours to put in the engine's log.
        LogFailure(log, context.Scheme.Name, context.Failure?.GetType().Name ?? "none");
        context.HandleResponse();
        context.Response.Redirect($"{SsoPaths.Refused}?reason={SsoRefusals.Failed}");
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Single sign-on for scheme {Scheme} failed ({Failure})")]
    private static partial void LogFailure(ILogger logger, string scheme, string failure);
}

// Why a single sign-on ended without a session: the refusal page's reason (a fixed word, never anything about the person).
internal static class SsoRefusals
{
    public const string Unavailable = "unavailable";
    public const string Failed = "failed";
    public const string NoRole = "no-role";
    public const string Ambiguous = "ambiguous";
    public const string NotInvited = "not-invited";
    public const string Disabled = "disabled";
    public const string NoAddress = "no-address";
    public const string LinkedElsewhere = "linked-elsewhere";
}
