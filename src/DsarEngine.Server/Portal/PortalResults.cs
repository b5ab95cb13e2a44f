using DsarEngine.Server.Subjects;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DsarEngine.Server.Portal;

// How portal endpoints answer: a page (a static server-rendered component), a 303 to a page, or a notice page.
internal static class PortalResults
{
    public static IResult Page<TPage>(object model, int status = StatusCodes.Status200OK)
        where TPage : Microsoft.AspNetCore.Components.IComponent =>
        new RazorComponentResult<TPage>(new Dictionary<string, object?> { ["Model"] = model }) { StatusCode = status };

    // 303: the browser follows with a GET, so a reload does not post the form again and the token leaves the address bar.
    public static IResult SeeOther(string path) => new SeeOtherResult(path);

    public static IResult Notice(HttpContext http, int status, string titleKey, string bodyKey, params object?[] args) =>
        Page<Pages.PortalNotice>(new PortalNoticeModel(Language(http), titleKey, bodyKey, args), status);

    // Pages with no request behind them speak the asked or the browser's language.
    public static string Language(HttpContext http) => SubjectLanguage.Resolve(
        http.Request.Query["lang"], http.Request.Headers.AcceptLanguage, SubjectLanguage.Offered, "en");

    // A body the form reader cannot read (broken multipart, more fields than it allows) carries no valid token: the person
    // gets the "form expired" page, not a 500 (the antiforgery throws on such a body; found by the hostile-input harness).
    public static async Task<bool> AntiforgeryValidAsync(HttpContext http)
    {
        try
        {
            return await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
        }
        catch (AntiforgeryValidationException e) when (e.InnerException is not BadHttpRequestException)
        {
            return false;
        }
        catch (AntiforgeryValidationException e)
        {
            // A body past the size limit keeps the framework's answer: 413 body-too-large, as before the form was read here.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException!);
            throw;
        }
    }

    private sealed class SeeOtherResult(string path) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = path;
            return Task.CompletedTask;
        }
    }
}
