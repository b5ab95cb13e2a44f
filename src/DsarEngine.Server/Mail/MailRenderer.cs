using System.Globalization;
using System.Text.Json;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Requests;
using DsarEngine.Workflows.Mail;
using DsarEngine.Server.Packs;
using DsarEngine.Server.Tenants;
using DsarEngine.Server.Identity;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Mail;

// Who reads a rendered message: the subject (over SMTP, with their links and codes) or staff (the mailbox, where
// every secret is replaced by a placeholder: a link or code shown to staff would let them act as the subject, review H1).
internal enum MailAudience { Subject, Staff }

// Renders a stored message: its model plus what is derived at send time (links, the request's facts).
internal sealed partial class MailRenderer(RequestStore requests, TenantStore tenants, StatusLinks links, SecretTokens tokens,
    IOptions<IntakeOptions> intake, Packs.PackLinks packLinks, PackCodes packCodes, Accounts.StaffMailLinks staffLinks,
    Conversations.MessageMail messageMail, RegisterStore registers)
{
    public const string LinkPlaceholder = "[link sent to the subject]";
    public const string CodePlaceholder = "[one-time code sent to the subject]";

    public async Task<(string Subject, string Body)> RenderAsync(StoredMail mail, MailAudience audience, CancellationToken ct)
    {
        var forSubject = audience == MailAudience.Subject;
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(mail.Model) ?? [];
        var tenant = await tenants.FindAsync(mail.TenantId, ct);
        values["organisation"] = tenant?.Name ?? "";
        var request = values.TryGetValue("reference", out var reference) ? await requests.FindAsync(mail.TenantId, reference, ct) : null;
        // The request's law words the e-mail and may pick its language (an LGPD request in Portuguese or English).
        var language = request is null ? mail.Language : MailTemplates.LanguageFor(request.Regime, mail.Language);
        if (request is not null)
        {
            var culture = CultureInfo.GetCultureInfo(language);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(tenant?.TimeZone ?? "UTC");
            values["right"] = MailTemplates.RightName(request.RightKind, language);
            values["receivedOn"] = LongDate(TimeZoneInfo.ConvertTime(request.ReceivedAt, zone).DateTime, culture);
            values["statusUrl"] = forSubject ? links.Url(request.Id, request.Reference) : LinkPlaceholder;
            if (values.TryGetValue("challenge", out var challenge) && Guid.TryParse(challenge, out var challengeId))
            {
                // Derived now, never stored: the database holds only their hashes.
                values["verifyUrl"] = forSubject
                    ? $"{intake.Value.PublicBaseUrl.TrimEnd('/')}/api/v1/requests/{request.Reference}/identity" +
                        $"?challenge={challengeId}&token={tokens.Derive(IdentityChallenges.TokenPurpose, challengeId)}"
                    : LinkPlaceholder;
                values["code"] = forSubject ? IdentityChallenges.Code(tokens, challengeId) : CodePlaceholder;
                if (DateTimeOffset.TryParse(
                    values.GetValueOrDefault("expiresAtIso"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires))
                    values["expiresAt"] = LongDate(TimeZoneInfo.ConvertTime(expires, zone).DateTime, culture, withTime: true);
            }
            // GDPR Art. 18(3): the day a restriction is lifted, as the notice states it.
            if (DateTimeOffset.TryParse(values.GetValueOrDefault("liftAtIso"), CultureInfo.InvariantCulture, DateTimeStyles.None,
                out var lift))
                values["liftOn"] = LongDate(TimeZoneInfo.ConvertTime(lift, zone).DateTime, culture);
            // The answer's link: to the pack when one was rendered (expiring), else to the status page.
            var hasPack = DateTimeOffset.TryParse(
                values.GetValueOrDefault("packExpiresIso"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var packExpires);
            values["packUrl"] = !hasPack ? values["statusUrl"]
                : forSubject ? packLinks.Url(request.Id, request.Reference, packExpires)
                : LinkPlaceholder;
            values["packNote"] = !hasPack ? ""
                : PackNote(language, LongDate(TimeZoneInfo.ConvertTime(packExpires, zone).DateTime, culture));
            // GDPR Art. 20(2): the receiving controller's own link, whose code goes to its own address (TransmissionApi).
            if (mail.Template == MailTemplates.TransmissionReady && hasPack)
            {
                values["transmissionUrl"] =
                    forSubject ? packLinks.TransmissionUrl(request.Id, request.Reference, packExpires) : LinkPlaceholder;
                values["transmissionExpiresOn"] = LongDate(TimeZoneInfo.ConvertTime(packExpires, zone).DateTime, culture);
            }
            if (values.TryGetValue("packCode", out var codeId) && Guid.TryParse(codeId, out var packCodeId))
                values["code"] = forSubject ? packCodes.Code(packCodeId) : CodePlaceholder;
            // A date fixed when the message was written (e.g. an extension notice) wins over today's state.
            var due = values.TryGetValue("dueOnIso", out var iso) && DateOnly.TryParse(iso, CultureInfo.InvariantCulture, out var fixedDue)
                ? fixedDue
                : request.EffectiveDue;
            values["dueOn"] = due is { } dueOn ? LongDate(dueOn.ToDateTime(TimeOnly.MinValue), culture) : "";
            // GDPR Art. 77: the authority the organisation's register names, never one assumed from the language.
            values["authorityNote"] = mail.Template is MailTemplates.RequestRefused or MailTemplates.DeadlineExtended
                && await registers.FindAsync(mail.TenantId, mail.Language, ct) is { } register
                    ? MailTemplates.AuthorityNote(mail.Language, register.Authority.Name) : "";
        }
        values["routedNote"] = values.TryGetValue("routedBy", out var processor)
            ? MailTemplates.RoutedNote(language, processor, values.GetValueOrDefault("workspace") ?? "", tenant?.Name ?? "") : "";
        // Mail to the organisation's own people (invitation, password reset): their link is made now, never stored.
        if (Accounts.StaffMailLinks.IsStaffMail(mail.Template))
            await staffLinks.AddAsync(mail.TenantId, mail.Template, values, forSubject, LinkPlaceholder);
        // A message written in the inbox: its text is unsealed now, never stored in the outbox row.
        await messageMail.AddAsync(mail, values, ct);
        values["greetingName"] = "";
        // The name the subject typed: intake refuses line breaks and control characters; stripped here too (review L5).
        if (request is not null && JsonDocument.Parse(request.Subject).RootElement.TryGetProperty("name", out var name)
            && name.GetString() is { Length: > 0 } subjectName && MailText.SingleLine(subjectName) is { Length: > 0 } safeName)
            values["greetingName"] = MailTemplates.GreetingName(language, safeName);
        var (subject, body) = MailTemplates.Render(mail.Template, language, values, request?.Regime);
        // A subject line is one line whatever a value held.
        return (MailText.SingleLine(subject), body);
    }

    // A date as the subject's language writes it in a sentence. Russian drops the weekday ICU's long pattern puts first,
    // so that the date reads after a verb or "не позднее": "получен 2 ноября 2026 г."; English and French keep theirs.
    // French writes the first of the month as an ordinal: "samedi 1er février 2025".
    internal static string LongDate(DateTime date, CultureInfo culture, bool withTime = false)
    {
        if (culture.TwoLetterISOLanguageName == "ru")
            return date.ToString(withTime ? "d MMMM yyyy 'г.', HH:mm" : "d MMMM yyyy 'г.'", culture);
        if (culture.TwoLetterISOLanguageName == "pt")
            return date.ToString(withTime ? "d 'de' MMMM 'de' yyyy, HH:mm" : "d 'de' MMMM 'de' yyyy", culture);
        if (culture.TwoLetterISOLanguageName != "fr" || date.Day != 1)
            return date.ToString(withTime ? "f" : "D", culture);
        var pattern = culture.DateTimeFormat.LongDatePattern + (withTime ? " " + culture.DateTimeFormat.ShortTimePattern : "");
        return date.ToString(FirstDay().Replace(pattern, "d'er'", 1), culture);
    }

    // The day of the month alone ("d"), not "dd" nor the weekday's "dddd".
    [System.Text.RegularExpressions.GeneratedRegex("(?<!d)d(?!d)")]
    private static partial System.Text.RegularExpressions.Regex FirstDay();

    private static string PackNote(string language, string until) => language switch
    {
        "fr" => $"Le lien est valable jusqu'au {until}\u202F; en l'ouvrant, vous recevrez un code à usage unique à cette adresse.",
        "ru" => $"Ссылка действительна до {until}; когда Вы её откроете, на этот адрес придёт одноразовый код.",
        "pt" => $"O link funciona até {until}; ao abri-lo, você receberá um código de uso único neste endereço.",
        _ => $"The link works until {until}; opening it sends a one-time code to this address.",
    };
}
