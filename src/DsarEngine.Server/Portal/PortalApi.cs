using DsarEngine.Server.Platform;

namespace DsarEngine.Server.Portal;

// The data subject's portal (docs/portal.md): static server-rendered pages under /portal/{reference}, opened by the status
// link's token and then by a session cookie; forms post back here with an antiforgery token. Pages are not in the API
// description: they are HTML for people.
internal static partial class PortalApi
{
    // The portal's own pages, styles and forms only: no script, nothing framed, no referrer leaving (docs/security.md).
    private const string Policy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; " +
        "base-uri 'none'";

    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/portal/{reference}").ExcludeFromDescription()
            // Validated by each form endpoint itself, so that a refusal is a page that says what to do, not a bare 400.
            .DisableAntiforgery()
            .AddEndpointFilter(async (context, next) =>
            {
                var headers = context.HttpContext.Response.Headers;
                headers.ContentSecurityPolicy = Policy;
                headers["Referrer-Policy"] = "no-referrer";
                headers.CacheControl = "no-store";
                return await next(context);
            });
        group.MapGet("/", Home).RequireRateLimiting(RateLimits.PublicStatus);
        var uploads = app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Uploads.UploadOptions>>().Value;
        group.MapPost("/reply", Reply).RequireRateLimiting(RateLimits.PublicIntake).WithBodyLimit(PortalReplies.MaxBodyBytes(uploads));
        group.MapGet("/identity", IdentityPage).RequireRateLimiting(RateLimits.PublicStatus);
        group.MapPost("/identity", Identity).RequireRateLimiting(RateLimits.PublicCode);
        group.MapGet("/answer", AnswerPage).RequireRateLimiting(RateLimits.PublicStatus);
        group.MapPost("/answer/code", SendCode).RequireRateLimiting(RateLimits.PublicCode);
        group.MapPost("/answer", OpenAnswer).RequireRateLimiting(RateLimits.PublicCode);
        group.MapGet("/answer/{part}", Download).RequireRateLimiting(RateLimits.PublicCode);
        MapWithdrawal(group);
        group.MapPost("/appeal", Appeal).RequireRateLimiting(RateLimits.PublicIntake);
        return app;
    }

    // The status link: its token opens a session for this request, then the browser is sent on to the page without it.
    private static async Task<IResult> Home(string reference, string? token, string? done, HttpContext http, PortalAccess access,
        PortalSession sessions, PortalHomeQuery home, CancellationToken ct)
    {
        if (token is not null)
            return await EnterAsync(reference, token, http, access, sessions, ct);
        var (door, view) = await access.OpenAsync(http, reference, ct);
        if (view is null)
            return Refused(http, door);
        await access.ViewedAsync(view.Request, "request", ct);
        return PortalResults.Page<Pages.PortalHome>(await home.BuildAsync(view, Notice(done), [], null, ct));
    }

    private static async Task<IResult> EnterAsync(string reference, string token, HttpContext http, PortalAccess access,
        PortalSession sessions, CancellationToken ct)
    {
        var (door, request) = await access.ExchangeAsync(reference, token, ct);
        if (request is null || door != PortalDoor.Open)
            return Refused(http, door);
        sessions.Write(http, request.Reference, sessions.Start(request.TenantId, request.Id, null));
        return PortalResults.SeeOther(PortalPaths.Page(request.Reference));
    }

    // A page of the portal that cannot open: why, and what the person can do about it.
    private static IResult Refused(HttpContext http, PortalDoor door)
    {
        var options = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<PortalOptions>>().Value;
        return door switch
        {
            PortalDoor.LinkExpired => PortalResults.Notice(http, StatusCodes.Status410Gone, "Portal.LinkExpiredTitle",
                "Portal.LinkExpiredBody", options.LinkDaysAfterClose),
            PortalDoor.NoSession => PortalResults.Notice(http, StatusCodes.Status401Unauthorized, "Portal.SessionExpiredTitle",
                "Portal.SessionExpiredBody", options.SessionMinutes),
            _ => PortalResults.Notice(http, StatusCodes.Status404NotFound, "Portal.NotFoundTitle", "Portal.NotFoundBody"),
        };
    }

    // What a form just did, as a fixed key in the address (never anything the person wrote).
    private static string? Notice(string? done) => done switch
    {
        "reply" => "Portal.ReplySent",
        "reply-resumed" => "Portal.ReplySentResumed",
        "closed" => "Portal.AlreadyClosed",
        "withdrawn" => "Portal.Withdrawn",
        "identity" => "Portal.IdentityDone",
        "appealed" => "Portal.AppealSent",
        "appeal-refused" => "Portal.AppealNotPossible",
        _ => null,
    };

    // The subject's own channel: a call with a staff API key is refused (staff act through their endpoints, recorded as theirs).
    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? RefuseStaff(HttpContext http, string staffEndpoint) =>
        Requests.SubjectChannel.RefuseStaff(http, staffEndpoint);

    private static IResult FormExpired(HttpContext http, string reference) =>
        PortalResults.Page<Pages.PortalNotice>(new PortalNoticeModel(PortalResults.Language(http), "Portal.FormExpiredTitle",
            "Portal.FormExpiredBody", [], PortalPaths.Page(reference)), StatusCodes.Status400BadRequest);

    // The start of every form post: a staff key is refused (staff act at their own endpoint, where the journal names
    // them), the session must open this request, and the antiforgery token must match. View is null when Refusal answers.
    private static async Task<(IResult? Refusal, PortalView? View)> OpenFormPostAsync(string reference, HttpContext http,
        PortalAccess access, string staffEndpoint, CancellationToken ct)
    {
        if (RefuseStaff(http, staffEndpoint) is { } refused)
            return (refused, null);
        var (door, view) = await access.OpenAsync(http, reference, ct);
        if (view is null)
            return (Refused(http, door), null);
        if (!await PortalResults.AntiforgeryValidAsync(http))
            return (FormExpired(http, reference), null);
        return (null, view);
    }
}
