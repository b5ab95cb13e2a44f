using System.Text.Json;
using DsarEngine.Server.Mail;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Requests;
using DsarEngine.Workflows.Mail;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Packs;

internal enum PackCodeSendResult { Sent, NoEmail, TooSoon }

// Sent: the code's id, the masked address it went to and when it expires; TooSoon: when one may be sent again.
internal sealed record PackCodeSending(PackCodeSendResult Result, Guid? CodeId = null, string? SentTo = null,
    DateTimeOffset? ExpiresAt = null, DateTimeOffset? RetryAt = null);

// The one path that e-mails a code opening the answer, for the answer link's API and the portal alike: the same per-request
// limits (Dsar:RateLimits:PackCodesPerHour, PackCodeGuessesPerDay), the same mail, to the address the request was made with.
internal sealed class PackCodeMail(PackCodes codes, IOptions<RateLimitOptions> limits)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public PackCodeLimits Limits => new(limits.Value.PackCodesPerHour, limits.Value.PackCodeGuessesPerDay);

    public async Task<PackCodeSending> SendAsync(StoredRequest request, DateTimeOffset now, CancellationToken ct)
    {
        if (request.SubjectEmail() is not { } email)
            return new(PackCodeSendResult.NoEmail);
        var issue = await codes.CreateAsync(request, codeId => new MailDraft(codeId, email, MailTemplates.PackCode, request.Language,
                JsonSerializer.Serialize(
                    new Dictionary<string, string> { ["reference"] = request.Reference, ["packCode"] = codeId.ToString() }, Json)),
            Limits, now, ct);
        return issue.Id is { } id
            ? new(PackCodeSendResult.Sent, id, Mask(email), now + PackCodes.Validity)
            : new(PackCodeSendResult.TooSoon, RetryAt: issue.RetryAt);
    }

    // GDPR Art. 20(2): a code for the receiving controller, to the address the subject gave for it, under the same limits.
    public async Task<PackCodeSending> SendToReceivingControllerAsync(StoredRequest request, DateTimeOffset now, CancellationToken ct)
    {
        if (request.Transmission is not { } to || request.TransmissionRefusal is not null)
            return new(PackCodeSendResult.NoEmail);
        var issue = await codes.CreateAsync(request, codeId => new MailDraft(codeId, to.Email, MailTemplates.TransmissionCode,
                request.Language, JsonSerializer.Serialize(
                    new Dictionary<string, string> { ["reference"] = request.Reference, ["packCode"] = codeId.ToString() }, Json)),
            Limits, now, ct, PackCodes.ReceivingControllerAudience);
        return issue.Id is { } id
            ? new(PackCodeSendResult.Sent, id, Mask(to.Email), now + PackCodes.Validity)
            : new(PackCodeSendResult.TooSoon, RetryAt: issue.RetryAt);
    }

    public static string Mask(string email) => email.IndexOf('@') is var at and > 1 ? $"{email[0]}…{email[(at - 1)..]}" : "…";
}
