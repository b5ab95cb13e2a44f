namespace DsarEngine.Connectors.Contracts;

/// <summary>
/// The kinds of identifier by which a connector can look a data subject up in its system. Every command
/// a connector receives carries all the identities the controller knows, each tagged with one of these.
/// </summary>
public static class SubjectIdentityTypes
{
    /// <summary>An e-mail address.</summary>
    public const string Email = "email";

    /// <summary>A phone number in international (E.164) form.</summary>
    public const string Phone = "phone";

    /// <summary>The controller's customer number.</summary>
    public const string CustomerId = "customer-id";

    /// <summary>An account identifier in one of the controller's systems.</summary>
    public const string AccountId = "account-id";

    /// <summary>A login or user name.</summary>
    public const string Username = "username";

    /// <summary>An order number the subject quoted.</summary>
    public const string OrderId = "order-id";

    /// <summary>A loyalty-card number.</summary>
    public const string LoyaltyCard = "loyalty-card";

    /// <summary>A device or advertising identifier.</summary>
    public const string DeviceId = "device-id";

    /// <summary>A postal address.</summary>
    public const string PostalAddress = "postal-address";

    /// <summary>Anything else; the value explains itself.</summary>
    public const string Other = "other";

    /// <summary>Every identity type.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Email, Phone, CustomerId, AccountId, Username, OrderId, LoyaltyCard, DeviceId, PostalAddress, Other];
}
