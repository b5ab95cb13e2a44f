namespace DsarEngine.Workflows.Definitions.Schema;

// Where in the document (a JSON Pointer) and what is wrong.
internal sealed record SchemaError(string Path, string Message);
