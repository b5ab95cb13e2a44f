using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Deadlines;

// Whether an extension may still be taken, given the notice date. A refusal carries a reason fit to show.
internal static class ExtensionRules
{
    public static (bool Allowed, string? Reason) Check(DeadlineComputation current, DateOnly noticeDate)
    {
        ArgumentNullException.ThrowIfNull(current);
        var right = Rights.TryParse(current.Right, out var r) ? r : (Right?)null;
        var source = Regimes.TryGet(current.Regime, out var regime) ? regime.ForRight(right).ExtensionSource : null;
        if (current.ExtendedDue is null || current.ExtensionNoticeBy is not { } noticeBy)
        {
            return (false, $"Regime {current.Regime} has no fixed extension ({source ?? "none known"})");
        }

        if (current.Extended)
        {
            return (false, $"The deadline was already extended once; {current.Regime} allows a single extension ({source})");
        }

        if (noticeDate < current.ReceivedOn)
        {
            return (false,
                $"A notice dated {IsoDate.Format(noticeDate)} is before the request was received on {IsoDate.Format(current.ReceivedOn)}");
        }

        if (noticeDate > noticeBy)
        {
            return (false, $"Too late to extend: the subject had to be told, with reasons, by {IsoDate.Format(noticeBy)} ({source}); " +
                $"a notice on {IsoDate.Format(noticeDate)} is after that");
        }

        return (true, null);
    }
}
