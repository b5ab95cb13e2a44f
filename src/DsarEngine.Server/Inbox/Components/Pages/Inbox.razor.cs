using DsarEngine.Server.Inbox.Request;
using DsarEngine.Server.Platform;
using DsarEngine.Workflows.Requests;
using Microsoft.AspNetCore.Components;

namespace DsarEngine.Server.Inbox.Components.Pages;

// The inbox list: filters, saved views, keyset pages, and live updates from InboxChanges (a change in the organisation
// re-reads the page on screen). The organisation is always the signed-in person's, from their claims.
public sealed partial class Inbox
{
    // Mine: the view is the signed-in person's own requests (the filter gets their id when it is applied).
    private sealed record SavedView(string Name, InboxFilter Filter, InboxSort Sort, bool Mine = false);

    private static readonly SavedView[] SavedViews =
    [
        new("My open", new InboxFilter(OpenOnly: true), InboxSort.DueSoonest, Mine: true),
        new("Due this week", new InboxFilter(Due: DueWindow.DueWithinWeek), InboxSort.DueSoonest),
        new("Overdue", new InboxFilter(Due: DueWindow.Overdue), InboxSort.DueSoonest),
        new("Needs attention", new InboxFilter(NeedsAttention: true), InboxSort.NewestFirst),
    ];

    private static readonly IReadOnlyList<string> Rights = [.. Workflows.Requests.Rights.Slugs];
    private static readonly IReadOnlyList<string> Statuses = [.. RequestStatus.All.Order(StringComparer.Ordinal)];
    private static readonly IReadOnlyList<string> Channels = [.. Workflows.Requests.Channels.Slugs];
    private static readonly IReadOnlyList<string> Regimes = [.. Workflows.Deadlines.Regimes.All.Select(r => r.Id)];

    // The dashboard links here with what it counted: ?status=, ?right=, ?channel= and ?view= (a saved view's slug).
    // Values are not personal data; an unknown one matches nothing rather than failing.
    [SupplyParameterFromQuery(Name = "status")] private string? StatusParameter { get; set; }
    [SupplyParameterFromQuery(Name = "right")] private string? RightParameter { get; set; }
    [SupplyParameterFromQuery(Name = "channel")] private string? ChannelParameter { get; set; }
    [SupplyParameterFromQuery(Name = "view")] private string? ViewParameter { get; set; }

    private static readonly Dictionary<string, string> ViewSlugs = new(StringComparer.Ordinal)
    {
        ["my-open"] = "My open", ["due-this-week"] = "Due this week", ["overdue"] = "Overdue", ["needs-attention"] = "Needs attention",
    };

    [Inject] private InboxUser InboxUser { get; set; } = default!;
    [Inject] private InboxQueries Queries { get; set; } = default!;
    [Inject] private InboxChanges Changes { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private StaffAssignees Assignees { get; set; } = default!;

    private InboxFilter filter = new();
    private InboxSort sort = InboxSort.NewestFirst;
    private int pageSize = InboxQuery.PageSizes[0];
    private InboxQuery? current;
    private InboxPage? page;
    private DateTimeOffset now;
    private string? activeView;
    private string liveMessage = "";
    private Guid tenant;
    private Guid me;
    private IReadOnlyList<Assignee> people = [];
    private IDisposable? subscription;
    private readonly LiveRefresh refresh = new();

    protected override async Task OnInitializedAsync()
    {
        var user = await InboxUser.CurrentAsync();
        tenant = user.Tenant();
        me = StaffAssignees.IdOf(user) ?? throw new InvalidOperationException("A signed-in person has a staff id.");
        people = await Assignees.ListAsync(tenant, CancellationToken.None);
        if (ViewParameter is { } slug && ViewSlugs.TryGetValue(slug, out var name)
            && SavedViews.FirstOrDefault(v => v.Name == name) is { } view)
            (filter, sort, activeView) = (FilterOf(view), view.Sort, view.Name);
        filter = filter with
        {
            Status = StatusParameter ?? filter.Status, Right = RightParameter ?? filter.Right, Channel = ChannelParameter ?? filter.Channel,
        };
        await LoadAsync(new InboxQuery(filter, sort, pageSize));
        subscription = Changes.Subscribe(tenant, OnChanged);
    }

    private async Task LoadAsync(InboxQuery query)
    {
        now = Clock.GetUtcNow();
        page = await Queries.PageAsync(tenant, query, CancellationToken.None);
        current = query;
    }

    private Task ChangeAsync(InboxFilter next)
    {
        filter = next;
        activeView = null;
        return LoadAsync(new InboxQuery(filter, sort, pageSize));
    }

    private Task ApplyViewAsync(SavedView view)
    {
        (filter, sort, activeView) = (FilterOf(view), view.Sort, view.Name);
        return LoadAsync(new InboxQuery(filter, sort, pageSize));
    }

    private InboxFilter FilterOf(SavedView view) => view.Mine ? view.Filter with { Assignee = new AssigneeFilter(me) } : view.Filter;

    // The assignee select's value: anyone (null), "me", "unassigned" or a person's id.
    private string? AssigneeChoice => filter.Assignee switch
    {
        null => null,
        { Person: null } => "unassigned",
        { Person: var p } when p == me => "me",
        { Person: var p } => p.ToString(),
    };

    private Task AssigneeAsync(string? choice) => ChangeAsync(filter with
    {
        Assignee = choice switch
        {
            null or "" => null,
            "me" => new AssigneeFilter(me),
            "unassigned" => new AssigneeFilter(null),
            _ => Guid.TryParse(choice, out var id) ? new AssigneeFilter(id) : null,
        },
    });

    private Task SortAsync(InboxSort next)
    {
        sort = next;
        return LoadAsync(new InboxQuery(filter, sort, pageSize));
    }

    private Task PageSizeAsync(int size)
    {
        pageSize = size;
        return LoadAsync(new InboxQuery(filter, sort, pageSize));
    }

    private Task NextAsync() =>
        page?.Next is { } next ? LoadAsync(new InboxQuery(filter, sort, pageSize, After: next)) : Task.CompletedTask;

    private Task PreviousAsync() =>
        page?.Previous is { } previous ? LoadAsync(new InboxQuery(filter, sort, pageSize, Before: previous)) : Task.CompletedTask;

    // Runs on the listener's thread: hand over to the renderer. A burst of changes costs at most one extra read.
    private void OnChanged() => _ = InvokeAsync(RefreshAsync);

    private async Task RefreshAsync()
    {
        try
        {
            await refresh.RunAsync(async () =>
            {
                if (current is not null)
                    await LoadAsync(current);
            });
            liveMessage = $"Updated at {now:HH:mm:ss} UTC";
            StateHasChanged();
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException)
        {
            liveMessage = "Live update failed; change a filter to reload.";
            StateHasChanged();
        }
    }

    public void Dispose() => subscription?.Dispose();
}
