using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.Workflow;

// POST …/restriction/lift. LiftAt: when the systems are asked to lift the restriction; absent, 14 days after today.
internal sealed record LiftBody(string? Reason, DateTimeOffset? LiftAt);

// GDPR Art. 18(3): the subject is told before a restriction is lifted. The law sets no period; the engine leaves at least
// a day between the notice and the lift commands, so the e-mail and the letter are out before any system acts, and
// proposes 14 days so the subject can answer (docs/rights.md, "Restriction and erasure").
internal static class LiftCommand
{
    public static readonly TimeSpan MinimumNotice = TimeSpan.FromDays(1);
    public static readonly TimeSpan DefaultNotice = TimeSpan.FromDays(14);

    public static (Signal?, Dictionary<string, string[]>) ToSignal(LiftBody body, string actor, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > 2000)
            errors["reason"] = ["Required (at most 2000 characters): why the restriction ends, as told to the subject " +
                "(e.g. the accuracy was verified, GDPR Art. 18(1)(a))."];
        var liftAt = body.LiftAt ?? now + DefaultNotice;
        if (liftAt < now + MinimumNotice)
            errors["liftAt"] = ["At least one day from now: the subject is told before the restriction is lifted (GDPR Art. 18(3))."];
        return errors.Count > 0 ? (null, errors) : (new Signal.LiftRestriction(body.Reason!.Trim(), liftAt, actor), errors);
    }
}
