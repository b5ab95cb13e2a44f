using System.Diagnostics.CodeAnalysis;

namespace DsarEngine.Workflows.Deadlines;

// Either a valid query or field errors (field name -> messages), never both.
internal sealed record DeadlineQueryParseResult(DeadlineQuery? Query, IReadOnlyDictionary<string, string[]> Errors)
{
    [MemberNotNullWhen(true, nameof(Query))]
    public bool IsValid => Query is not null;
}
