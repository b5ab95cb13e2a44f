namespace DsarEngine.Workflows.Requests;

// The data subject as they described themselves. Personal data: never logged.
internal sealed record Subject(string? Email, string? Name, IReadOnlyList<KnownIdentity> Identities);
