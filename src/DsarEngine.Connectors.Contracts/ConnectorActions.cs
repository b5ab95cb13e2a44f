namespace DsarEngine.Connectors.Contracts;

/// <summary>The actions a connector can support, as registered and as named in workflow definitions.</summary>
public static class ConnectorActions
{
    /// <summary><see cref="LocateSubject"/>.</summary>
    public const string Locate = "locate";

    /// <summary><see cref="ExportSubjectData"/>.</summary>
    public const string Export = "export";

    /// <summary><see cref="RectifySubjectData"/>.</summary>
    public const string Rectify = "rectify";

    /// <summary><see cref="EraseSubjectData"/>.</summary>
    public const string Erase = "erase";

    /// <summary><see cref="RestrictProcessing"/>.</summary>
    public const string Restrict = "restrict";

    /// <summary><see cref="LiftRestriction"/>.</summary>
    public const string LiftRestriction = "lift-restriction";

    /// <summary><see cref="StopProcessing"/>.</summary>
    public const string StopProcessing = "stop-processing";

    /// <summary><see cref="StopSaleAndSharing"/> (CCPA opt-out of sale/sharing).</summary>
    public const string StopSaleSharing = "stop-sale-sharing";

    /// <summary><see cref="LimitSensitiveDataUse"/> (CCPA limit the use of sensitive personal information).</summary>
    public const string LimitSensitiveUse = "limit-sensitive-use";

    /// <summary>Every action, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Locate, Export, Rectify, Erase, Restrict, LiftRestriction, StopProcessing, StopSaleSharing, LimitSensitiveUse];
}

/// <summary>
/// The actions about a processor's whole customer rather than one subject (GDPR Art. 28(3)(g), at the end of the contract).
/// They never appear in workflow definitions: a connector registers them beside <see cref="ConnectorActions.All"/>.
/// </summary>
public static class CustomerActions
{
    /// <summary><see cref="ExportCustomerData"/>.</summary>
    public const string Export = "export-customer";

    /// <summary><see cref="EraseCustomerData"/>.</summary>
    public const string Erase = "erase-customer";

    /// <summary>Every whole-customer action.</summary>
    public static IReadOnlyList<string> All { get; } = [Export, Erase];
}
