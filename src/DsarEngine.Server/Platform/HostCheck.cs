namespace DsarEngine.Server.Platform;

// A Host header that is not a host (an unclosed IPv6 bracket, a port past 65535, a name no URI can hold) is refused with a
// 400 problem before anything builds a URL from it: the subject's pages (Razor components) did, and answered 500 (found by
// the hostile-input harness). Kestrel refuses some such headers itself, not all; the test server none.
internal static class HostCheck
{
    public static IApplicationBuilder UseHostCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!Valid(context.Request.Host))
        {
            await Problems.Of(StatusCodes.Status400BadRequest, "bad-host", "The Host header is not a valid host.",
                "Send the engine's host name or address, with a port from 1 to 65535 if any. Nothing was stored.").ExecuteAsync(context);
            return;
        }
        await next(context);
    });

    public static bool Valid(HostString host) =>
        !host.HasValue || (Uri.TryCreate($"http://{host.Value}/", UriKind.Absolute, out var uri) && uri.PathAndQuery == "/"
            && host.Port is null or (> 0 and <= 65_535));
}
