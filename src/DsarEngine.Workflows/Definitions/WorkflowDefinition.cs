namespace DsarEngine.Workflows.Definitions;

// A workflow as data (workflows/<right>.json): the ordered steps a request of the given rights goes
// through. Instances are pinned to (Id, Version): publishing a new version never changes running ones.
internal sealed record WorkflowDefinition(
    string Id,
    int Version,
    IReadOnlyList<string> Rights,
    ClockPolicy Clock,
    IReadOnlyList<StepDefinition> Steps)
{
    public string Key => $"{Id}@{Version}";

    public int IndexOf(string stepId)
    {
        for (var i = 0; i < Steps.Count; i++)
            if (Steps[i].Id == stepId)
                return i;
        return -1;
    }
}

// Reminders before the due date and an escalation once it has passed, in days of the controller's calendar.
internal sealed record ClockPolicy(IReadOnlyList<int> RemindDaysBefore, int EscalateDaysAfter);

// One step from the fixed vocabulary (StepTypes), with its parameters. Parameters not used by a type are null.
internal sealed record StepDefinition(
    string Id,
    string Type,
    // fan-out: the connector action (ConnectorActions)
    string? Action = null,
    // fan-out: how long a connector may take before its task times out, in hours
    int? TimeoutHours = null,
    // review: whether a person must approve before the workflow goes on (false: the step passes through)
    bool Required = true,
    // verify-identity: accepted methods ("email", "manual")
    IReadOnlyList<string>? Methods = null,
    // verify-identity (email): hours the one-time link and code stay valid
    int? ExpiresHours = null,
    // publish-event: the event to publish (EventNames)
    string? Event = null)
{
    // assess: the request purposes for which no person assesses, because the law leaves nothing to weigh (GDPR Art. 21(3):
    // an objection to direct marketing is absolute). The step records why it passed and the workflow goes on.
    public IReadOnlyList<string> SkipForPurposes { get; init; } = [];
}

internal static class StepTypes
{
    public const string VerifyIdentity = "verify-identity";
    public const string Acknowledge = "acknowledge";
    public const string Assess = "assess";
    public const string FanOut = "fan-out";
    public const string Review = "review";
    public const string RenderPack = "render-pack";
    public const string Deliver = "deliver";
    public const string NotifyRecipients = "notify-recipients";
    public const string PublishEvent = "publish-event";
    public const string Close = "close";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        VerifyIdentity, Acknowledge, Assess, FanOut, Review, RenderPack, Deliver, NotifyRecipients, PublishEvent, Close,
    };
}

internal static class EventNames
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "subject-erasure-requested", "subject-erased", "request-closed",
    };
}
