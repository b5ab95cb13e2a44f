namespace DsarEngine.Server.Platform;

// Defence in depth for every response. The API serves JSON only, so its CSP forbids everything; the
// interactive API page needs its own scripts and styles, and nothing else.
internal static class SecurityHeaders
{
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private const string DocsPolicy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    // The inbox: its own scripts only (Blazor, MudBlazor), its live connection to itself, forms posting to itself. Inline
    // styles are allowed because MudBlazor sets style attributes and its theme's variables in a style element; no inline
    // script is (docs/security.md).
    private const string InboxPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; " +
        "form-action 'self'";

    // A letter previewed in the request page (RequestDocumentsEndpoint): a PDF, framed by the inbox itself and nothing else.
    // Chromium shows a PDF through its viewer plugin, which the document's own object-src must allow; nothing else loads.
    private const string PreviewPolicy =
        "default-src 'none'; object-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

    // The data subject's pages (issue 14: /form, /portal): the engine's own stylesheet and scripts, forms posting to itself,
    // never framed (the form widens frame-ancestors to its organisation's allowed origins: SubjectForm/FormPages).
    private const string SubjectPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " +
        "form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

    // Called by the one endpoint whose response the inbox frames; every other response stays unframeable.
    public static void AllowFramingBySelf(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = PreviewPolicy;
        response.Headers.XFrameOptions = "SAMEORIGIN";
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        var path = context.Request.Path;
        var inbox = path.StartsWithSegments("/inbox") || path.StartsWithSegments("/_blazor") || path.StartsWithSegments("/_framework")
            || path.StartsWithSegments("/_content");
        var subject = path.StartsWithSegments("/form") || path.StartsWithSegments("/portal");
        headers.ContentSecurityPolicy = path.StartsWithSegments("/api-docs") ? DocsPolicy : inbox ? InboxPolicy
            : subject ? SubjectPolicy : ApiPolicy;
        // Status pages carry a secret token in their URL; inbox pages show personal data: neither is kept by a cache.
        if (path.StartsWithSegments("/api") || subject || (path.StartsWithSegments("/inbox") && !Path.HasExtension(path.Value)))
            headers.CacheControl = "no-store";
        await next();
    });
}
