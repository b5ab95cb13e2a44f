using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Accounts;

// An invitation's token: Identity's data-protected token under its own name, purpose and lifespan, so that neither a
// password reset token nor anything else opens an invitation (and the other way round). It carries the person's
// security stamp, which setting the password changes: the link works once.
internal sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenProviderOptions() => Name = InvitationTokens.Provider;
}

internal sealed class InvitationTokenProvider(IDataProtectionProvider protection, IOptions<InvitationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<StaffUser>> log) : DataProtectorTokenProvider<StaffUser>(protection, options, log);

internal static class InvitationTokens
{
    public const string Provider = "StaffInvitation";
    public const string Purpose = "accept-invitation";
}
