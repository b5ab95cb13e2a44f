namespace DsarEngine.Connectors.Contracts;

/// <summary>
/// A connector found, on its own, that data it holds concerns a child (e.g. a contact whose birth date makes them younger
/// than the organisation's age for children). Sent by the connector to the engine's reply exchange, unasked. The engine
/// opens the organisation's own erasure of that subject (GDPR Art. 8, 17(1)(f)): one per child, however often reported; the
/// child is never written to; a parent or guardian whose address is given is told. A report whose subject is not under the
/// organisation's age, or that names an organisation which did not register this connector (with the sender's broker user),
/// opens nothing.
/// </summary>
/// <param name="Tenant">The organisation's slug, one the connector serves.</param>
/// <param name="Connector">The connector's registered name.</param>
/// <param name="Identities">How the organisation's systems know the child: at least one, at most 20.</param>
/// <param name="BirthDate">The child's birth date, when the system holds it.</param>
/// <param name="Age">The child's age in years, when no birth date is held.</param>
/// <param name="Name">The child's name, for the parent's notice; optional.</param>
/// <param name="ParentEmail">A parent's or guardian's e-mail address, when the system holds one; optional.</param>
public sealed record ChildDataFound(
    string Tenant,
    string Connector,
    IReadOnlyList<SubjectIdentity> Identities,
    DateOnly? BirthDate,
    int? Age,
    string? Name,
    string? ParentEmail);
