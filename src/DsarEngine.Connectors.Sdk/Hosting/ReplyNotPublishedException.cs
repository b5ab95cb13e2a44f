namespace DsarEngine.Connectors.Hosting;

// Marks a failure of the broker, not of the handler, while publishing progress or export chunks from inside the
// handler's work: it must reach MassTransit's message retry instead of becoming a ConnectorTaskFailed reply.
internal sealed class ReplyNotPublishedException(Exception inner) : Exception("A reply could not be published to the broker.", inner);
