using static DsarEngine.Workflows.Mail.MailTemplates;

namespace DsarEngine.Workflows.Mail;

// What the organisation's own people are told: that an admin invited them, and how to choose a new password. The link
// ({accountUrl}) is made when the message is sent and is never stored (Accounts/StaffMailLinks).
internal static class StaffMailTexts
{
    public static readonly IReadOnlyDictionary<(string Template, string Language), (string Subject, string Body)> Texts =
        new Dictionary<(string Template, string Language), (string Subject, string Body)>
        {
            [(StaffInvitation, "en")] = (
                "You are invited to the privacy inbox of {organisation}",
                """
                Hello {displayName},

                An admin of {organisation} invited you to its privacy inbox as {role}.
                Choose your password here (the link works once, for {validFor}; keep it private):
                {accountUrl}

                Then sign in with the organisation's short name "{organisationSlug}" and this e-mail address.
                If you did not expect this message, you can ignore it.
                """),
            [(StaffPasswordReset, "en")] = (
                "Choose a new password for the privacy inbox of {organisation}",
                """
                Hello {displayName},

                Someone asked to reset the password of your account in the privacy inbox of {organisation}.
                Choose a new password here (the link works once, for {validFor}; keep it private):
                {accountUrl}

                If you did not ask for this, ignore this message: your password stays as it is.
                """),
        };
}
