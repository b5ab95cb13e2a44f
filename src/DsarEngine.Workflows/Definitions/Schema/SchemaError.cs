namespace DsarEngine.Workflows.Definitions.Schema;

// Where (a JSON Pointer, RFC 6901; "" is the whole document) and what is wrong.
internal sealed record SchemaError(string Path, string Message);
