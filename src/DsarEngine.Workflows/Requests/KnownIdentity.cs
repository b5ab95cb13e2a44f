namespace DsarEngine.Workflows.Requests;

// One way the controller can find the subject in its systems (connectors receive all of them, as the wire contract's
// SubjectIdentity). Its type is one of the wire contract's SubjectIdentityTypes: one vocabulary.
internal sealed record KnownIdentity(string Type, string Value);
