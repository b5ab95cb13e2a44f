using System.Globalization;
using DsarEngine.Server.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DsarEngine.Server.SubjectForm;

// The per-address rate limit (Platform/RateLimits) refuses before the endpoint runs: the person still gets a page in
// their language (?lang= or the browser's) saying nothing was stored and when to send again.
internal static class FormRefusals
{
    public static IResult RateLimited(HttpContext http, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        var language = SubjectLanguage.Resolve(http.Request.Query["lang"].ToString(), http.Request.Headers.AcceptLanguage.ToString(),
            SubjectLanguage.Offered, "en");
        var text = new SubjectText(language);
        return new RazorComponentResult<FormMessage>(new
        {
            Language = language, Heading = text["Common.ErrorSummaryTitle"], Message = text.Format("Common.TooManyRequests", seconds),
            Alert = true,
        }) { StatusCode = StatusCodes.Status429TooManyRequests };
    }
}
