using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using DsarEngine.Server.Inbox;
using Microsoft.AspNetCore.Authentication;

namespace DsarEngine.Server.Accounts.SingleSignOn;

// The way through the organisation's IdP: start (the person names the organisation), the callback (the IdP's answer,
// handled by that organisation's scheme only), and the page that continues into the inbox.
internal static partial class SsoEndpoints
{
    public static IEndpointRouteBuilder MapSingleSignOn(this IEndpointRouteBuilder app)
    {
        app.MapGet(SsoPaths.Start, StartAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/inbox/sso/{slug}/callback", CallbackAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(SsoPaths.SignedIn, (string? returnUrl) => Continue(ReturnPaths.Local(returnUrl), "Signed in",
            "You are signed in.", "Continue to the inbox")).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task StartAsync(HttpContext http, SsoSchemes schemes, string? org, string? returnUrl)
    {
        var slug = org?.Trim().ToLowerInvariant() ?? "";
        if (!Slug().IsMatch(slug) || await schemes.EnsureAsync(slug, http.RequestAborted) is not { } scheme)
        {
            http.Response.Redirect($"{SsoPaths.Refused}?reason={SsoRefusals.Unavailable}");
            return;
        }
        var properties = new AuthenticationProperties { RedirectUri = "/inbox" };
        properties.Items[SsoEvents.ReturnUrlItem] = ReturnPaths.Local(returnUrl);
        await http.ChallengeAsync(scheme, properties);
        // The handler answered with a redirect to the IdP. The sign-in page's form may only post to the engine
        // (CSP form-action 'self'), and browsers apply that to the redirects after the form too: the page continues by
        // itself instead, which no form-action governs.
        var location = http.Response.Headers.Location.ToString();
        if (http.Response.StatusCode != StatusCodes.Status302Found || location.Length == 0)
            return;
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.Headers.Location = default;
        await Continue(location, "Single sign-on", "Continuing to your organisation's sign-in…",
                "Continue to your organisation's sign-in")
            .ExecuteAsync(http);
    }

    private static async Task CallbackAsync(HttpContext http, SsoSchemes schemes, IAuthenticationHandlerProvider handlers, string slug)
    {
        if (!Slug().IsMatch(slug) || await schemes.EnsureAsync(slug, http.RequestAborted) is not { } scheme
            || await handlers.GetHandlerAsync(http, scheme) is not IAuthenticationRequestHandler handler
            || !await handler.HandleRequestAsync())
            http.Response.Redirect($"{SsoPaths.Refused}?reason={SsoRefusals.Unavailable}");
    }

    // A page that moves on by itself (meta refresh) with a link for whoever it does not. After the IdP, this also makes the
    // step into the inbox a same-site navigation, so the SameSite=Strict inbox cookie goes with it.
    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Continue(string url, string title, string text, string link)
    {
        var href = HtmlEncoder.Default.Encode(url);
        return TypedResults.Content($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url={href}">
            <title>{title} · DsarEngine</title></head>
            <body><main><h1>{text}</h1><p><a id="continue" href="{href}">{link}</a></p></main></body></html>
            """, "text/html; charset=utf-8");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$")]
    private static partial Regex Slug();
}
