namespace DsarEngine.Server.Accounts;

// A person who works an organisation's inbox. Mutable because ASP.NET Core Identity's stores set fields one by one
// and save the whole user; the store writes it back only if nobody else changed it meanwhile (concurrency stamp).
internal sealed class StaffUser
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public string TenantSlug { get; set; } = "";

    // "<organisation>/<e-mail>": the sign-in name, unique across organisations (StaffUserNames).
    public string UserName { get; set; } = "";

    public string NormalizedUserName { get; set; } = "";

    public string Email { get; set; } = "";

    public string NormalizedEmail { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string Role { get; set; } = "";

    public string? PasswordHash { get; set; }

    public string SecurityStamp { get; set; } = "";

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString();

    public bool EmailConfirmed { get; set; }

    public bool LockoutEnabled { get; set; } = true;

    public DateTimeOffset? LockoutEnd { get; set; }

    public int AccessFailedCount { get; set; }

    public bool TwoFactorEnabled { get; set; }

    // The TOTP key as stored: sealed with the data key under this key id and nonce (StaffUserStore seals and opens it).
    public byte[]? AuthenticatorSealed { get; set; }

    public string? AuthenticatorKeyId { get; set; }

    public byte[]? AuthenticatorNonce { get; set; }

    // SHA-256 of each unused recovery code (hex); a code is removed when it is redeemed.
    public string[] RecoveryCodeHashes { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}

// One person, one sign-in name per organisation: the organisation's slug and the address, so that the same address in
// two organisations is two accounts and a sign-in names the organisation it is for.
internal static class StaffUserNames
{
    public static string Of(string tenantSlug, string email) => $"{tenantSlug}/{email.Trim()}";
}
