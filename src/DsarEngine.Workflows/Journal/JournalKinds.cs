namespace DsarEngine.Workflows.Journal;

// Every kind of entry in a request's journal, defined once. The kind is stored in each row and covered by its hash, so
// a value never changes once shipped: add a kind, never rename one. Each kind the executor writes has its data as a
// record in Journal/Entries (IJournalData ties the record to its kind).
internal static class JournalKinds
{
    // The instance's life (Executor.Lifecycle.cs).
    public const string WorkflowStarted = "workflow-started";
    public const string Closed = "closed";
    public const string ClosedByOperator = "closed-by-operator";
    public const string Retried = "retried";
    public const string Skipped = "skipped";
    public const string TimersRearmed = "timers-rearmed";

    // The subject withdrew the request (Executor.Withdrawal.cs), and what a system reported doing after that.
    public const string WithdrawnBySubject = "withdrawn-by-subject";
    public const string CompletedAfterWithdrawal = "completed-after-withdrawal";

    // A step that needs a person, from the executor or from the signal processor (a definition it cannot load, a crash).
    public const string Incident = "incident";

    // Identity (Executor.Identity.cs). GDPR Art. 12(6).
    public const string IdentityRequested = "identity-requested";
    public const string IdentityVerified = "identity-verified";
    public const string IdentityNotRequired = "identity-not-required";

    // A person confirmed the proof of someone acting for the subject (Server/Representatives; docs/rights.md#representatives).
    public const string RepresentativeProofConfirmed = "representative-proof-confirmed";

    // Assess and review (Executor.Decisions.cs).
    public const string AwaitingDecision = "awaiting-decision";
    public const string Decided = "decided";
    public const string ReviewNotRequired = "review-not-required";

    // What the law asks of an objection's or an automated decision's assessment (Executor.Objection.cs).
    public const string AssessmentNotNeeded = "assessment-not-needed";
    public const string ObjectionAssessed = "objection-assessed";
    public const string AutomatedDecisionReviewed = "automated-decision-reviewed";

    // Fan-out and its connector tasks (Executor.FanOut.cs, Executor.FanOutReplies.cs).
    public const string FanOut = "fan-out";
    public const string FanOutSkipped = "fan-out-skipped";
    public const string FanOutCompleted = "fan-out-completed";
    public const string FanOutTimedOut = "fan-out-timed-out";
    public const string ConnectorAcknowledged = "connector-acknowledged";
    public const string ConnectorCompleted = "connector-completed";
    public const string ConnectorFailed = "connector-failed";
    public const string ConnectorResent = "connector-resent";
    public const string ConnectorTimedOut = "connector-timed-out";
    public const string TaskCompletedManually = "task-completed-manually";
    public const string TaskRetried = "task-retried";

    // Lifting a restriction (Executor.Restriction.cs). GDPR Art. 18(3): the subject is told first, then the systems.
    public const string RestrictionLiftNoticed = "restriction-lift-noticed";
    public const string RestrictionLiftSent = "restriction-lift-sent";
    public const string RestrictionLiftAnswered = "restriction-lift-answered";

    // A restored backup brought back data an erasure had removed: the erasure is carried out again (Executor.Reapply.cs).
    public const string ErasureReapplied = "erasure-reapplied";
    public const string ErasureReapplyAnswered = "erasure-reapply-answered";

    // An erase task kept data no exemption or legal hold named (Executor.FanOut.cs, Reconcile).
    public const string KeptBeyondInstructions = "kept-beyond-instructions";

    // The response pack and the notice letters (Executor.RenderPack.cs).
    public const string PackPrepared = "pack-prepared";
    public const string PackRequested = "pack-requested";
    public const string PackRendered = "pack-rendered";
    public const string NoticeRendered = "notice-rendered";
    public const string NoticeNotRendered = "notice-not-rendered";

    // Telling the subject, recipients and downstream systems (Executor.Delivery.cs).
    public const string Acknowledged = "acknowledged";
    public const string Delivered = "delivered";
    public const string EventPublished = "event-published";
    public const string StepSkipped = "step-skipped";

    // The legal clock (Executor.Clock.cs). GDPR Art. 12(3).
    public const string Reminder = "reminder";
    public const string Escalated = "escalated";
    public const string DeadlineExtended = "deadline-extended";
    public const string ClockStopped = "clock-stopped";
    public const string ClockResumed = "clock-resumed";

    // Written at the edges, outside any workflow transaction, with data built where they are written.
    // The request was taken in: its legal frame, never the subject's data (intake).
    public const string Received = "received";

    // The subject opened the response pack with the one-time code (pack download).
    public const string PackDownloaded = "pack-downloaded";

    // The subject opened a page of the portal (issue 14): which page, never what it showed.
    public const string PortalViewed = "portal-viewed";

    // A person of the organisation downloaded an archive of the subject's records (the access copy, a portability or
    // results archive): who, which document. The letters they review are not journaled; the archives hold every record.
    public const string PackReadByStaff = "pack-read-by-staff";

    // An OpenDSR controller fetched the results archive.
    public const string ResultsDownloaded = "results-downloaded";

    // An admin sent a dead e-mail, or a dead outbox message, of the request again.
    public const string MailRequeued = "mail-requeued";
    public const string OutboxRequeued = "outbox-requeued";

    // The inbox's notes and the conversation with the subject: who wrote, which row, the SHA-256 of the text; never
    // the text, which is sealed in its own table (docs/inbox-request-page.md).
    public const string NoteAdded = "note-added";
    public const string MessageSent = "message-sent";
    public const string SubjectReplied = "subject-replied";

    // Staff opened a document the subject sent (Uploads/SubjectUploads.cs): which one and its SHA-256, never its content.
    public const string SubjectDocumentRead = "subject-document-read";
    // Staff deleted a document the subject sent once it was checked (data minimisation): which one, its SHA-256, why.
    public const string SubjectDocumentDeleted = "subject-document-deleted";

    // A person assigned the request to someone of the organisation, or took the assignee off it (the inbox).
    public const string Assigned = "assigned";
    public const string Unassigned = "unassigned";

    // The engine purged its own records of a finished request (Server/Retention/PurgeJournal.cs): which periods ran out (or
    // the subject's later erasure), and how many rows of each kind went; never what they held. GDPR Art. 5(1)(e).
    public const string Purged = "purged";

    // Staff marked the request urgent, or took the mark off (Server/Triage/): that and by whom, never the reason's words.
    public const string MarkedUrgent = "marked-urgent";
    public const string UrgencyCleared = "urgency-cleared";

    // GDPR Art. 20(2): staff recorded that the direct transmission to the receiving controller is not technically
    // feasible (Server/Packs/TransmissionRefusalApi.cs); the reason stays on the request, never in the journal.
    public const string TransmissionNotFeasible = "transmission-not-feasible";
}
