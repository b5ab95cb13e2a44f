namespace DsarEngine.Workflows.Definitions;

internal sealed record DefinitionError(string File, string Path, string Message)
{
    public override string ToString() => $"{File}: {Path}: {Message}";
}

// Thrown at start-up when any definition is broken: lists every problem, each with file, path and cause.
internal sealed class DefinitionException(IReadOnlyList<DefinitionError> errors)
    : Exception($"Workflow definitions are invalid; the engine cannot start:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", errors)}")
{
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}
