using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Portal;

// What the portal's cookie holds once the status link's token was checked: whose request, since when, the last view (the
// idle expiry slides on it), the language chosen, the answer code last e-mailed (its id) and, once the subject typed it
// and it was right, the code itself: each download spends it for its part (the cookie is encrypted and HttpOnly).
internal sealed record PortalTicket(
    Guid TenantId, Guid RequestId, DateTimeOffset IssuedAt, DateTimeOffset SeenAt, string? Language = null,
    Guid? AnswerCode = null, string? AnswerSecret = null);

// The portal session: a cookie per request (Path=/portal/{reference}), its contents protected (encrypted and signed)
// with ASP.NET Data Protection, so it can be neither read nor forged nor moved to another request's pages.
internal sealed class PortalSession(IDataProtectionProvider protection, IOptions<PortalOptions> options, TimeProvider clock)
{
    public const string CookieName = "dsar-portal";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly IDataProtector protector = protection.CreateProtector("DsarEngine.Portal.Session.v1");

    public TimeSpan Idle => TimeSpan.FromMinutes(options.Value.SessionMinutes);

    public string Protect(PortalTicket ticket) => protector.Protect(JsonSerializer.Serialize(ticket, Json));

    // The ticket of this request's cookie, or why there is none (missing, unreadable, of another request, idle too long).
    public PortalTicket? Read(HttpContext http, Guid requestId)
    {
        if (http.Request.Cookies[CookieName] is not { Length: > 0 } value)
            return null;
        PortalTicket? ticket;
        try
        {
            ticket = JsonSerializer.Deserialize<PortalTicket>(protector.Unprotect(value), Json);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or JsonException)
        {
            return null;
        }
        return ticket is not null && ticket.RequestId == requestId && clock.GetUtcNow() - ticket.SeenAt < Idle ? ticket : null;
    }

    // Writes (or refreshes) the cookie: HttpOnly, SameSite=Lax (the e-mail's link is a top-level navigation from elsewhere),
    // Secure on https, scoped to this request's pages.
    public PortalTicket Write(HttpContext http, string reference, PortalTicket ticket)
    {
        var seen = ticket with { SeenAt = clock.GetUtcNow() };
        http.Response.Cookies.Append(CookieName, Protect(seen), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, Path = PortalPaths.Page(reference),
            IsEssential = true, MaxAge = Idle,
        });
        return seen;
    }

    public PortalTicket Start(Guid tenantId, Guid requestId, string? language)
    {
        var now = clock.GetUtcNow();
        return new PortalTicket(tenantId, requestId, now, now, language);
    }
}
