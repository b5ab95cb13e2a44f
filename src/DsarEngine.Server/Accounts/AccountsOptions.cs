using System.ComponentModel.DataAnnotations;

namespace DsarEngine.Server.Accounts;

// How long the links e-mailed to the organisation's people work. Both are Identity tokens (DataProtectorTokenProvider)
// bound to the person's security stamp, so each also stops working once used.
internal sealed class AccountsOptions
{
    public const string SectionName = "Dsar:Accounts";

    // An invitation link, from the moment it is sent (default 72, 1–720): long enough to span a weekend.
    [Range(1, 720, ErrorMessage = "Dsar:Accounts:InvitationHours must be between 1 and 720.")]
    public int InvitationHours { get; set; } = 72;

    // A password reset link (default 60, 5–1440): asked for by the person themselves, used at once.
    [Range(5, 1440, ErrorMessage = "Dsar:Accounts:PasswordResetMinutes must be between 5 and 1440.")]
    public int PasswordResetMinutes { get; set; } = 60;
}
