namespace DsarEngine.Connectors.Contracts;

/// <summary>
/// An event in a request's life that downstream systems may react to (for example
/// <c>subject-erasure-requested</c>, <c>subject-erased</c>, <c>recipients-notification-requested</c>).
/// Published on the bus; carries no personal data beyond the request's identifiers.
/// </summary>
/// <param name="MessageId">Stable per event: deduplicate on it.</param>
/// <param name="Name">The event's name.</param>
/// <param name="Tenant">The controller organisation's slug.</param>
/// <param name="RequestId">The engine's id of the request.</param>
/// <param name="Reference">The public reference the subject quotes.</param>
/// <param name="Right">The right exercised.</param>
/// <param name="Outcome">completed, partial or refused, when known.</param>
public sealed record RequestEventOccurred(
    Guid MessageId, string Name, string Tenant, Guid RequestId, string Reference, string Right, string? Outcome)
{
    /// <summary>
    /// For <c>recipients-notification-requested</c> (GDPR Art. 19): each recipient a system reported disclosing the
    /// subject's data to, by system. The engine tracks each one's notification (who told it, when, how).
    /// </summary>
    public IReadOnlyList<RecipientToNotify> Recipients { get; init; } = [];
}

/// <summary>A recipient (an organisation) a system disclosed the subject's data to.</summary>
/// <param name="System">The connector that reported it.</param>
/// <param name="Recipient">The recipient, as the system names it.</param>
public sealed record RecipientToNotify(string System, string Recipient);
