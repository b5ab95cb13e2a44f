using DsarEngine.Connectors.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace DsarEngine.Connectors;

/// <summary>
/// What a connector tells the engine unasked, outside any task: today, that data it holds concerns a child
/// (<see cref="ChildDataFound"/>). Registered by <see cref="DsarConnectorSetup.AddDsarConnector{THandlers}"/>; inject it.
/// Messages go to <see cref="DsarConnectorOptions.ReplyExchange"/> with the service's broker user, which the engine checks
/// against the connector's registration in that organisation.
/// </summary>
public sealed class DsarReports(IBus bus, IOptions<DsarConnectorOptions> options)
{
    /// <summary>
    /// Report that the subject known by <paramref name="identities"/> is a child: the engine opens the organisation's own
    /// erasure of their data (one per child, however often reported) when they are under the organisation's age.
    /// </summary>
    /// <param name="tenant">One of <see cref="DsarConnectorOptions.Tenants"/>.</param>
    /// <param name="identities">How the systems know the child: 1 to 20.</param>
    /// <param name="birthDate">The birth date, when held.</param>
    /// <param name="age">The age in years, when no birth date is held.</param>
    /// <param name="name">The child's name, for the parent's notice; optional.</param>
    /// <param name="parentEmail">A parent's or guardian's address, when held; optional.</param>
    /// <param name="ct">Cancels the send.</param>
    /// <returns>A task that completes once the broker has the report.</returns>
    /// <exception cref="ArgumentException">The tenant is not served here, or there is no identity, or neither date nor age.</exception>
    public async Task ReportChildAsync(string tenant, IReadOnlyList<SubjectIdentity> identities, DateOnly? birthDate, int? age,
        string? name, string? parentEmail, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.Tenants.Contains(tenant))
            throw new ArgumentException($"This connector does not serve the organisation '{tenant}'.", nameof(tenant));
        if (identities is not { Count: > 0 and <= 20 })
            throw new ArgumentException("Give 1 to 20 identities of the child.", nameof(identities));
        if (birthDate is null && age is null)
            throw new ArgumentException("Give the birth date or, when it is not held, the age.", nameof(birthDate));
        var engine = await bus.GetSendEndpoint(new Uri($"exchange:{settings.ReplyExchange}"));
        await engine.Send(new ChildDataFound(tenant, settings.Name, identities, birthDate, age, name, parentEmail), ct);
    }
}
