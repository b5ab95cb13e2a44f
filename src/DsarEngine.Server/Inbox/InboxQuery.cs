namespace DsarEngine.Server.Inbox;

// Where a request's effective due date falls. The windows apply to open requests: a closed one is no longer due.
internal enum DueWindow
{
    Any,
    Overdue,
    DueWithinWeek,
    Later,
}

internal enum InboxSort
{
    NewestFirst,
    OldestFirst,
    DueSoonest,
}

// What the inbox filters on. Values are compared as parameters; an unknown value simply matches nothing.
internal sealed record InboxFilter(
    string? Right = null,
    string? Status = null,
    DueWindow Due = DueWindow.Any,
    string? Channel = null,
    string? Regime = null,
    bool NeedsAttention = false,
    bool OpenOnly = false,
    string? Search = null,
    AssigneeFilter? Assignee = null);

// Whose requests: one person's (Person), or the unassigned ones (Person null). No AssigneeFilter: anyone's.
internal sealed record AssigneeFilter(Guid? Person);

// A keyset position: the sort key and id of the row the page starts after (or ends before).
internal sealed record InboxCursor(DateTimeOffset Key, Guid Id);

// One page asked for: the first page (no cursor), the page after a row (After), or the page before a row (Before).
internal sealed record InboxQuery(InboxFilter Filter, InboxSort Sort = InboxSort.NewestFirst, int PageSize = 25,
    InboxCursor? After = null, InboxCursor? Before = null)
{
    public static readonly IReadOnlyList<int> PageSizes = [25, 50, 100];
    public const int MaxPageSize = 100;
    public const int MaxSearchLength = 254; // the longest e-mail address (RFC 5321 path limit)
}

internal sealed record InboxPage(IReadOnlyList<InboxRow> Rows, InboxCursor? Next, InboxCursor? Previous);
