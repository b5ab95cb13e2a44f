using System.Text.Json;
using DsarEngine.Server.Mail;
using Npgsql;

namespace DsarEngine.Server.Accounts;

// An e-mail to one of the organisation's people, queued for SmtpDelivery like every other message. The model names
// the person only: their link is made at send time (StaffMailLinks), so no token is ever stored.
internal static class StaffMail
{
    public static async Task EnqueueAsync(NpgsqlDataSource dataSource, StaffUser user, string template, DateTimeOffset now,
        CancellationToken ct)
    {
        var model = JsonSerializer.Serialize(new Dictionary<string, string> { [StaffMailLinks.ModelKey] = user.Id.ToString("D") });
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await MailboxStore.EnqueueAsync(c, tx, user.TenantId, null,
            new MailDraft(Guid.CreateVersion7(now), user.Email, template, "en", model), now, ct);
        await tx.CommitAsync(ct);
    }
}

// What an admin's change to a person came to. Refused: the caller is not an admin of an organisation (checked here, on
// the server, whatever the page showed). LastAdmin: it would leave the organisation with no admin who can sign in.
internal enum StaffChange { Done, Refused, NotFound, LastAdmin, Self, Invalid }

internal sealed record StaffChangeResult(StaffChange Outcome, IReadOnlyList<string> Errors)
{
    public static readonly StaffChangeResult Done = new(StaffChange.Done, []);

    public static StaffChangeResult Of(StaffChange outcome) => new(outcome, []);

    public static StaffChangeResult Invalid(params string[] errors) => new(StaffChange.Invalid, errors);
}

// What following an e-mailed link came to: the link is unknown, expired or used (one answer for all three), or the
// password was refused (why, for the person), or it is set.
internal enum AccountLinkOutcome { Done, InvalidLink, PasswordRefused }

internal sealed record AccountLinkResult(AccountLinkOutcome Outcome, IReadOnlyList<string> Errors, string OrganisationSlug = "");
