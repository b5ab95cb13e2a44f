namespace DsarEngine.Workflows.Definitions;

// One problem in one file: Path is a JSON Pointer into it ("" for the file as a whole).
internal sealed record DefinitionError(string File, string Path, string Message)
{
    public override string ToString() => $"{File}: {(Path.Length == 0 ? "(root)" : Path)}: {Message}";
}

// Thrown at start-up when any definition (or the schema) is broken: lists every problem, each with file, path
// and cause, so one run of the host shows everything there is to fix.
internal sealed class DefinitionException(IReadOnlyList<DefinitionError> errors)
    : Exception($"Workflow definitions are invalid; the engine cannot start:{Environment.NewLine}  " +
        $"{string.Join(Environment.NewLine + "  ", errors)}")
{
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}
