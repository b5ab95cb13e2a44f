using DsarEngine.Server.Platform;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Settings;
using DsarEngine.Server.Subjects;
using DsarEngine.Server.Tenants;
using DsarEngine.Server.Uploads;
using DsarEngine.Workflows.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.SubjectForm;

// The organisation's hosted request form (docs/subject-form.md): GET renders it, POST submits it through the same intake
// as POST /api/v1/requests (channel web-form), with its documents in the request's own transaction. Static server
// rendering: no circuit, works with JavaScript off. A refused submission stores nothing and says, in the person's
// language, what to do.
internal static class FormEndpoints
{
    public static IEndpointRouteBuilder MapSubjectForm(this IEndpointRouteBuilder app)
    {
        app.MapGet("/form/{tenant}", Show).ExcludeFromDescription();
        // The body is bounded before it is read: the documents' limits plus room for the fields.
        var limits = app.ServiceProvider.GetRequiredService<IOptions<UploadOptions>>().Value;
        app.MapPost("/form/{tenant}", Submit).RequireRateLimiting(RateLimits.PublicIntake).DisableAntiforgery()
            .WithBodyLimit(FormSubmission.MaxBodyBytes(limits)).ExcludeFromDescription();
        // /embed.js is a static asset (wwwroot/embed.js, MapStaticAssets): text/javascript, revalidated by ETag.
        return app;
    }

    private static async Task<IResult> Show(string tenant, string? lang, string? embed, string? parent, HttpContext http,
        FormPages pages, CancellationToken ct)
    {
        if (await pages.FindAsync(tenant, ct) is not { } found)
            return FormPages.NotFound(http, lang);
        var view = pages.NewView(found, http, lang, embed, parent, new FormInput(), [], null);
        return FormPages.Render(http, found, view, StatusCodes.Status200OK);
    }

    private static async Task<IResult> Submit(string tenant, string? lang, string? embed, string? parent, HttpContext http,
        FormPages pages, FormSubmission submission, CancellationToken ct)
    {
        // A browser sends its form as multipart (documents) or urlencoded; anything else is a client of the JSON API that
        // took a wrong turn, and gets problem+json.
        if (!http.Request.HasFormContentType)
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Send the form as multipart/form-data.",
                "POST /form/{tenant} takes the HTML form; programs submit with POST /api/v1/requests (JSON). Nothing was stored.");
        if (await pages.FindAsync(tenant, ct) is not { } found)
            return FormPages.NotFound(http, lang);
        return await submission.HandleAsync(found, http, lang, embed, parent, ct);
    }
}

// The organisation a form belongs to, with its form settings.
internal sealed record FoundForm(Tenant Tenant, FormSettings Settings);

internal sealed class FormPages(TenantStore tenants, FormSettingsStore forms, FormToken tokens, IOptions<UploadOptions> uploads,
    TimeProvider clock)
{
    public async Task<FoundForm?> FindAsync(string slug, CancellationToken ct)
    {
        if (slug.Length is < 2 or > 63 || await tenants.FindBySlugAsync(slug, ct) is not { } tenant
            || await forms.FindWithDefaultLanguageAsync(tenant.Id, ct) is not { } form)
            return null;
        return new FoundForm(tenant, WithoutCaliforniaRights(tenant, form.Form));
    }

    // The CCPA's opt-outs are offered only by an organisation that declares the CCPA: nobody else can grant them.
    private static FormSettings WithoutCaliforniaRights(Tenant tenant, FormSettings form) =>
        Workflows.Deadlines.TenantLaw.Parse(tenant.ApplicableLaw, tenant.Jurisdiction).Regimes
            .Any(r => r.Regime == Workflows.Deadlines.AmericanRegimes.Ccpa.Id)
            ? form
            : form with
            {
                Rights = [.. form.Rights.Where(r => !(Workflows.Requests.Rights.TryParse(r, out var right)
                    && Workflows.Requests.Rights.IsCaliforniaOptOut(right)))],
            };

    // The languages a person may read the form in: the subject pages' languages the organisation offers.
    public static IReadOnlyList<string> Languages(FoundForm found)
    {
        var offered = SubjectLanguage.Offered.Where(l => found.Settings.Languages.Contains(l, StringComparer.Ordinal)).ToList();
        var fallback = SubjectLanguage.Offered.Contains(found.Tenant.DefaultLanguage) ? found.Tenant.DefaultLanguage : "en";
        return offered.Count > 0 ? offered : [fallback];
    }

    public FormView NewView(FoundForm found, HttpContext http, string? lang, string? embed, string? parent, FormInput input,
        IReadOnlyList<FieldError> errors, string? notice)
    {
        var languages = Languages(found);
        var fallback = languages.Contains(found.Tenant.DefaultLanguage) ? found.Tenant.DefaultLanguage : languages[0];
        var language = SubjectLanguage.Resolve(lang, http.Request.Headers.AcceptLanguage.ToString(), languages, fallback);
        var limits = uploads.Value;
        return new FormView(found.Tenant.Slug, found.Tenant.Name, found.Settings, language, languages,
            tokens.Issue(found.Tenant.Slug, clock.GetUtcNow()), embed == "1", AllowedParent(found, parent), input, errors, notice,
            limits.MaxFiles, Math.Max(1, limits.MaxBytes / 1_048_576));
    }

    // The page that embeds the form hears its height only when it is one of the organisation's allowed origins.
    private static string? AllowedParent(FoundForm found, string? parent) =>
        parent is not null && found.Settings.AllowedOrigins.Contains(parent, StringComparer.OrdinalIgnoreCase) ? parent : null;

    public static IResult Render(HttpContext http, FoundForm found, FormView view, int status)
    {
        Protect(http, found);
        return new RazorComponentResult<FormPage>(new { Model = view }) { StatusCode = status };
    }

    public static IResult Done(HttpContext http, FoundForm found, FormView view, StoredRequest request)
    {
        Protect(http, found);
        return new RazorComponentResult<FormDone>(new
        {
            view.Language, request.Reference, TenantName = found.Tenant.Name, Due = request.EffectiveDue, view.Parent,
        });
    }

    public static IResult Message(HttpContext http, FoundForm? found, string language, string heading, string message, int status)
    {
        if (found is not null)
            Protect(http, found);
        return new RazorComponentResult<FormMessage>(
            new { Language = language, Heading = heading, Message = message, Alert = status >= 400 })
        {
            StatusCode = status,
        };
    }

    public static IResult NotFound(HttpContext http, string? lang)
    {
        var language = SubjectLanguage.Resolve(lang, http.Request.Headers.AcceptLanguage.ToString(), SubjectLanguage.Offered, "en");
        var text = new SubjectText(language);
        return Message(http, null, language, text["Common.NotFoundTitle"], text["Common.NotFoundBody"], StatusCodes.Status404NotFound);
    }

    // The engine forbids framing everywhere (SecurityHeaders); the form may be framed by the organisation's allowed origins,
    // and by nothing else (CSP frame-ancestors; X-Frame-Options cannot list origins, so it is dropped for this page only).
    // Its scripts and styles come from the engine only. A served form carries a token: never cached.
    private static void Protect(HttpContext http, FoundForm found)
    {
        var ancestors = string.Join(' ', ["'self'", .. found.Settings.AllowedOrigins.Where(IsOrigin)]);
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " +
            $"form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors {ancestors}";
        http.Response.Headers.Remove("X-Frame-Options");
        http.Response.Headers.CacheControl = "no-store";
    }

    // Settings already checked each origin; a header is no place to trust that twice.
    private static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.PathAndQuery == "/"
        && !origin.EndsWith('/') && origin.All(c => c is > ' ' and < '\u007f' and not ';' and not ',' and not '\'');
}
