namespace DsarEngine.Workflows.Deadlines;

// One line of the explanation of a deadline: what was done, on which date.
internal sealed record DeadlineStep(string Kind, string Text, DateOnly Date);

internal static class StepKinds
{
    public const string Receipt = "receipt";
    public const string Period = "period";
    public const string Calendar = "calendar";
    public const string Stop = "stop";
    public const string RawDate = "raw-date";
    public const string Clamp = "clamp";
    public const string RollForward = "roll-forward";
    public const string Extension = "extension";
    public const string NoticeBy = "notice-by";
    public const string Acknowledge = "acknowledge";
    public const string Due = "due";
}
