namespace DsarEngine.Workflows.Runtime;

// Everything that can move an instance: the start timer, people (API), connectors (bus) and timers.
internal abstract record Signal
{
    // Set on connector replies: the connector that answered. A reply for another connector's task changes nothing.
    public string? Connector { get; init; }

    public sealed record Start : Signal;

    public sealed record IdentityVerified(string Method, string Evidence, string Actor) : Signal;

    // assess: proceed | partial | refuse; review: approve | reject
    public sealed record Decision(string StepId, string Outcome, string? Reason, IReadOnlyList<string> Exemptions, string Actor) : Signal
    {
        // GDPR Art. 21(1), assessing an objection: the compelling legitimate grounds weighed (Reason when not given).
        public string? Grounds { get; init; }

        // GDPR Art. 22(3), assessing a request for human review of an automated decision: what the review found.
        public AutomatedDecisionReview? Review { get; init; }

        // assess partial on an erasure: the categories each system keeps (GDPR Art. 17(3)).
        public IReadOnlyList<ErasureExemption> Keep { get; init; } = [];
    }

    // GDPR Art. 18(3): lift a restriction. The subject is told now; the lift commands go out at LiftAt.
    public sealed record LiftRestriction(string Reason, DateTimeOffset LiftAt, string Actor) : Signal;

    // A system was restored from a backup taken at BackupTakenAt: a closed erasure it carried out after that instant is
    // carried out again there (Executor.Reapply.cs). RestoreId names the restore, so the task's id is derived from it.
    public sealed record ReapplyErasure(Guid RestoreId, string RestoredConnector, DateTimeOffset BackupTakenAt, string Actor) : Signal;

    // Connector replies (bus, HTTP and OpenDSR adapters alike).
    // Attempt: the send the reply answers (TaskReference.Attempt), when the reply says; progress or a failure from an
    // earlier attempt changes nothing, while a completion is taken whichever attempt did the work.
    public sealed record TaskProgressed(Guid TaskId, string Stage, int? Attempt = null) : Signal;

    public sealed record TaskCompleted(Guid TaskId, string Outcome, string Summary, IReadOnlyList<RetainedItem> Retained,
        IReadOnlyList<string> Recipients, ExportRef? Export) : Signal;

    public sealed record TaskFailed(Guid TaskId, bool Retryable, string Code, string Reason, int? Attempt = null) : Signal;

    // A person did the task (a manual connector), or settled one that failed or timed out, with a note.
    public sealed record TaskCompletedManually(Guid TaskId, string Outcome, string Note, IReadOnlyList<RetainedItem> Retained,
        ExportRef? Export, string Actor) : Signal;

    // The response pack was rendered and stored (sealed); or it could not be (Error set). RenderId: the render command's
    // message id, so that the answer to an earlier render (superseded by a retry) is told apart from the one awaited.
    public sealed record PackRendered(Guid PackId, string Sha256, long Bytes, string? Error, Guid? RenderId = null) : Signal;

    // A notice letter was rendered and stored (or could not be: Error set). Journaled; it moves nothing.
    public sealed record NoticeRendered(string Kind, Guid PackId, string Sha256, string? Error) : Signal;

    // A person sends one failed or timed-out task again.
    public sealed record RetryTask(Guid TaskId, string Actor) : Signal;

    public sealed record TimerFired(string Kind, string? StepId) : Signal;

    public sealed record Retry(string Actor) : Signal;

    public sealed record Skip(string Actor, string Reason) : Signal;

    public sealed record Close(string Actor, string Reason) : Signal;

    // The data subject withdraws their own request (the portal). Allowed until the instance closes or the answer has been
    // delivered; afterwards it is refused (slug already-closed) and nothing is written. Actor: who the journal names.
    public sealed record Withdraw(string Actor) : Signal;

    // Operator command: schedule the clock's reminders and escalation again, and give a waiting fan-out a
    // fresh timeout (e.g. after timers were cancelled by hand or a connector outage was fixed).
    public sealed record RearmTimers(string Actor) : Signal;

    // GDPR Art. 12(3): extend once, with the reasons told to the subject within the first period.
    public sealed record Extend(string Reason, string Actor) : Signal;

    // The controller waits for the subject (identity proof, clarification, a fee): the regime decides what that does.
    public sealed record PauseClock(string Reason, string? Note, string Actor) : Signal;

    public sealed record ResumeClock(string? Note, string Actor) : Signal;
}

internal static class Decisions
{
    public const string Proceed = "proceed";
    public const string Partial = "partial";
    public const string Refuse = "refuse";
    public const string Approve = "approve";
    public const string Reject = "reject";
}

internal static class TimerKinds
{
    public const string Start = "start";
    public const string Reminder = "reminder";
    public const string Escalation = "escalation";
    // Older instances have one timeout per fan-out step; new ones one per task (StepId = task id) and a retry timer.
    public const string FanOutTimeout = "fan-out-timeout";
    public const string TaskTimeout = "task-timeout";
    public const string TaskRetry = "task-retry";
    // The render-pack step's deadline for the renderer's answer (StepId = the render's number).
    public const string PackTimeout = "pack-timeout";
    // GDPR Art. 18(3): when a restriction whose lifting the subject was told of is lifted.
    public const string RestrictionLift = "restriction-lift";
}

// The notice letters rendered beside their e-mails; each is stored as a document of the request under its kind.
internal static class Notices
{
    // GDPR Art. 12(3): the extension, its reasons and the new date.
    public const string Extension = "extension-notice";

    // GDPR Art. 12(6): what proof of identity is needed, and that the clock waits for it.
    public const string IdentityRequest = "identity-request";

    // GDPR Art. 18(3): the restriction will be lifted, when and why.
    public const string RestrictionLift = "restriction-lift-notice";
}
