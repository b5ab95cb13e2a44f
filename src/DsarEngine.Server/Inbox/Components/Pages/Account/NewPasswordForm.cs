using System.ComponentModel.DataAnnotations;

namespace DsarEngine.Server.Inbox.Components.Pages.Account;

// A new password typed twice (the policy itself, 12 characters or more, is Identity's: AccountsSetup).
// Public only because the Razor component that shows it (NewPasswordFields) is.
public sealed class NewPasswordForm
{
    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(256, MinimumLength = 12, ErrorMessage = "Use at least 12 characters.")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Type the password again.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
    public string Confirm { get; set; } = "";
}
