using DsarEngine.Workflows.Deadlines;
using DsarEngine.Workflows.Journal.Entries;
using DsarEngine.Workflows.Mail;

namespace DsarEngine.Workflows.Runtime;

// The legal clock: reminders before the due date and the escalation after it, and the commands that change the clock
// (extend, stop, resume). A clock command that is not allowed produces nothing but its refusal.
internal static partial class Executor
{
    private sealed partial class Run
    {
        private void ScheduleClockTimers()
        {
            if (context.DueAt is not { } due)
                return;
            foreach (var days in definition.Clock.RemindDaysBefore.Where(d => due.AddDays(-d) > context.Now))
                Effects.Add(new Effect.ScheduleTimer(
                    TimerKinds.Reminder, days.ToString(System.Globalization.CultureInfo.InvariantCulture), due.AddDays(-days)));
            Effects.Add(new Effect.ScheduleTimer(TimerKinds.Escalation, null, due.AddDays(definition.Clock.EscalateDaysAfter)));
        }

        // The deadline may have moved since the timer was set (extension, stopped clock): a timer that is early re-arms
        // itself for the current date instead of firing.
        private WorkflowInstance Reminder(WorkflowInstance i, Signal.TimerFired timer)
        {
            if (context.DueAt is { } due && int.TryParse(timer.StepId, out var days) && due.AddDays(-days) > context.Now)
                Effects.Add(new Effect.ScheduleTimer(TimerKinds.Reminder, timer.StepId, due.AddDays(-days)));
            else
                Journal(new ReminderEntry(timer.StepId, context.DueAt));
            return i;
        }

        private WorkflowInstance Escalation(WorkflowInstance i)
        {
            if (context.DueAt is { } due && due.AddDays(definition.Clock.EscalateDaysAfter) > context.Now)
                Effects.Add(new Effect.ScheduleTimer(TimerKinds.Escalation, null, due.AddDays(definition.Clock.EscalateDaysAfter)));
            else
                Journal(new EscalatedEntry("the legal deadline has passed", context.DueAt));
            return i;
        }

        private WorkflowInstance Extend(WorkflowInstance i, Signal.Extend extend)
        {
            if (context.Clock is not { } clock || !TimeZones.TryFind(clock.TimeZone, out var zone))
                return Refuse(i, "no-deadline", "This request has no legal clock.");
            var current = clock.Compute(context.Closures);
            var today = TimeZones.LocalDate(context.Now, zone);
            var (allowed, why) = ExtensionRules.Check(current, today);
            if (!allowed)
                return Refuse(i, "extension-refused", why!);
            var next = clock with { Extended = true };
            var computed = next.Compute(context.Closures);
            Effects.Add(new Effect.SetClock(next));
            // The extension only stands if the subject is told, with the reasons, in time: same transaction.
            Effects.Add(new Effect.Mail(MailTemplates.DeadlineExtended, new Dictionary<string, string>
            {
                ["reference"] = context.Reference, ["reason"] = extend.Reason, ["dueOnIso"] = IsoDate.Format(computed.EffectiveDue),
            }));
            if (context.RendersPacks)
                Effects.Add(new Effect.RenderNoticeLetter(
                    DeterministicId.From(i.RequestId.ToString(), Notices.Extension), Notices.Extension, new Dictionary<string, string>
                    {
                        ["reason"] = extend.Reason,
                        ["dueOnIso"] = IsoDate.Format(computed.EffectiveDue),
                        ["firstDueOnIso"] = IsoDate.Format(current.EffectiveDue),
                    }));
            Journal(new DeadlineExtendedEntry(extend.Reason, today, current.EffectiveDue, computed.EffectiveDue));
            return i;
        }

        private WorkflowInstance Pause(WorkflowInstance i, Signal.PauseClock pause)
        {
            if (context.Clock is not { } clock || !TimeZones.TryFind(clock.TimeZone, out var zone))
                return Refuse(i, "no-deadline", "This request has no legal clock.");
            // E.g. no fee stop under the EU GDPR (Art. 12(5)); UK clarification stops only access requests (Art. 12A).
            if (Regimes.TryGet(clock.Regime, out var regime) && regime.StopFor(pause.Reason, clock.Right) is { Stops: false } ruling)
                return Refuse(i, "clock-does-not-stop",
                    $"Under {regime.Id} the clock keeps running while the controller waits for {pause.Reason} ({ruling.Source}).");
            if (clock.OpenStop is { } open)
                return Refuse(i, "clock-already-stopped",
                    $"The clock has been stopped since {IsoDate.Format(open.Start)} ({open.Reason}); resume it first.");
            var today = TimeZones.LocalDate(context.Now, zone);
            Effects.Add(new Effect.SetClock(clock with { Stops = [.. clock.Stops, new ClockStop(today, null, pause.Reason)] }));
            Journal(new ClockStoppedEntry(pause.Reason, pause.Note, today));
            return i;
        }

        private WorkflowInstance Resume(WorkflowInstance i, Signal.ResumeClock resume)
        {
            if (context.Clock is not { } clock || !TimeZones.TryFind(clock.TimeZone, out var zone))
                return Refuse(i, "no-deadline", "This request has no legal clock.");
            if (clock.OpenStop is not { } open)
                return Refuse(i, "clock-not-stopped", "The clock is running; there is nothing to resume.");
            var today = TimeZones.LocalDate(context.Now, zone);
            var next = clock with { Stops = clock.Stops.Select(s => s == open ? s with { End = today } : s).ToList() };
            Effects.Add(new Effect.SetClock(next));
            Journal(new ClockResumedEntry(open.Reason, resume.Note, open.Start, today,
                clock.Compute(context.Closures).EffectiveDue, next.Compute(context.Closures).EffectiveDue));
            return i;
        }

        private WorkflowInstance Refuse(WorkflowInstance i, string slug, string reason)
        {
            Effects.Clear();
            Effects.Add(new Effect.Refuse(slug, reason));
            return i;
        }
    }
}
