using System.Globalization;
using DsarEngine.Server.Platform;
using DsarEngine.Workflows.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Accounts;

// The values of an e-mail to one of the organisation's people, made when it is sent: the stored message holds only the
// person's id, so the token in its link exists in that e-mail alone (never in the database, the mailbox or a log).
internal sealed class StaffMailLinks(IServiceScopeFactory scopes, IOptions<IntakeOptions> intake, IOptions<AccountsOptions> options)
{
    public const string ModelKey = "staffUser";

    public static bool IsStaffMail(string template) => template is MailTemplates.StaffInvitation or MailTemplates.StaffPasswordReset;

    // Adds displayName, role, organisationSlug, validFor and accountUrl; the link only for the person themselves.
    public async Task AddAsync(Guid tenantId, string template, IDictionary<string, string> values, bool forRecipient, string placeholder)
    {
        if (!values.TryGetValue(ModelKey, out var raw) || !Guid.TryParse(raw, out var id))
            return;
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        // People are never deleted; a message whose person is not of its organisation is a bug, and fails on its own.
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null || user.TenantId != tenantId)
            throw new InvalidOperationException("The person this message is for is not in its organisation.");
        var invitation = template == MailTemplates.StaffInvitation;
        values["displayName"] = Workflows.Mail.MailText.SingleLine(user.DisplayName);
        values["role"] = RoleNames.Of(user.Role);
        values["organisationSlug"] = user.TenantSlug;
        values["validFor"] = invitation
            ? $"{options.Value.InvitationHours.ToString(CultureInfo.InvariantCulture)} hours"
            : $"{options.Value.PasswordResetMinutes.ToString(CultureInfo.InvariantCulture)} minutes";
        if (!forRecipient)
        {
            values["accountUrl"] = placeholder;
            return;
        }
        var (path, token) = invitation
            ? ("accept", await users.GenerateUserTokenAsync(user, InvitationTokens.Provider, InvitationTokens.Purpose))
            : ("reset", await users.GeneratePasswordResetTokenAsync(user));
        values["accountUrl"] = $"{intake.Value.PublicBaseUrl.TrimEnd('/')}/inbox/account/{path}" +
            $"?user={user.Id:D}&token={Uri.EscapeDataString(token)}";
    }
}

// A role as people read it.
internal static class RoleNames
{
    public static string Of(string role) => role switch
    {
        Workflows.Security.StaffRoles.Admin => "Admin",
        Workflows.Security.StaffRoles.PrivacyOfficer => "Privacy officer",
        Workflows.Security.StaffRoles.Agent => "Agent",
        Workflows.Security.StaffRoles.Auditor => "Auditor",
        _ => role,
    };
}
