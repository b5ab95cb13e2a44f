namespace DsarEngine.Workflows.Packs;

// The command to the renderer (the same queue as packs): render a notice letter for this request. Kind is one of
// Notices; the model carries what the notice states (the reasons and the new date, the accepted proofs).
public sealed record RenderNotice(Guid RequestId, Guid TenantId, string Kind, IReadOnlyDictionary<string, string> Model);
