namespace DsarEngine.Workflows.Packs;

// The command to the renderer (the engine's own queue, dsar-pack-renderer): render this request's response pack.
// Public because MassTransit sends it from the outbox like the SDK's contracts.
public sealed record RenderResponsePack(Guid RequestId, Guid TenantId);
