using System.Globalization;
using DsarEngine.Server.Subjects;

namespace DsarEngine.Server.SubjectForm;

// The per-address rate limit (Platform/RateLimits) refuses before the endpoint runs: the person still gets a page in
// their language (?lang= or the browser's) saying nothing was stored and when to send again.
internal static class FormRefusals
{
    // The refusal is shown inside the organisation's own page, so it carries the form's framing rule (its allowed origins),
    // not the engine's default "never framed": otherwise the browser would show an error frame instead of the page.
    public static async Task<IResult> RateLimitedAsync(HttpContext http, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        var language = SubjectLanguage.Resolve(http.Request.Query["lang"].ToString(), http.Request.Headers.AcceptLanguage.ToString(),
            SubjectLanguage.Offered, "en");
        var text = new SubjectText(language);
        var slug = http.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
        var found = slug is null ? null
            : await http.RequestServices.GetRequiredService<FormPages>().FindAsync(slug, http.RequestAborted);
        return FormPages.Message(http, found, language, text["Common.ErrorSummaryTitle"], text.Format("Common.TooManyRequests", seconds),
            StatusCodes.Status429TooManyRequests);
    }
}
