namespace DsarEngine.Workflows.Requests;

internal static partial class IntakeValidator
{
    // An appeal names the refused request it appeals (Va. Code §59.1-577(C), C.R.S. §6-1-1306(3), Conn. Gen. Stat.
    // §42-518(d)); whether that request exists, was refused and falls under a law with an appeal is the intake's check
    // (it needs the database). An appeal's clock is the appeal period of the refused request's law, never chosen.
    private static string? ValidateAppealOf(IntakeForm form, Right? right, IntakeErrors errors)
    {
        var reference = string.IsNullOrWhiteSpace(form.AppealOf) ? null : form.AppealOf.Trim().ToUpperInvariant();
        if (right == Right.Appeal && reference is null)
            errors.Add("appealOf", "Required for an appeal: the reference of the refused request (e.g. DSR-7KQ2-M9XD-4TPA).");
        else if (reference is not null && right is not null && right != Right.Appeal)
            errors.Add("appealOf", "Applies only to an appeal.");
        else if (reference is not null && !PublicReference.IsWellFormed(reference))
            errors.Add("appealOf", "Not a request reference (e.g. DSR-7KQ2-M9XD-4TPA).");
        if (Deadlines.AppealPeriods.IsAppealClock(form.Regime))
            errors.Add("regime", "An appeal period is not a regime: an appeal takes its period from the law of the refused request.");
        else if (right == Right.Appeal && !string.IsNullOrWhiteSpace(form.Regime))
            errors.Add("regime", "Not for an appeal: it takes the law of the refused request.");
        if (right == Right.Appeal && !string.IsNullOrWhiteSpace(form.Jurisdiction))
            errors.Add("jurisdiction", "Not for an appeal: it takes the jurisdiction of the refused request.");
        return reference;
    }
}
