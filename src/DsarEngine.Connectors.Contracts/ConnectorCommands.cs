namespace DsarEngine.Connectors.Contracts;

/// <summary>
/// What every connector command has: the task it belongs to and every identity the controller knows for the
/// subject. Commands are sent to the connector's own queue for the tenant,
/// <c>dsar.&lt;tenant&gt;.connector.&lt;name&gt;</c>. A connector may receive the same command twice (same
/// <see cref="TaskReference.IdempotencyKey"/>): it must then do the work once and answer again.
/// </summary>
public interface IConnectorCommand
{
    /// <summary>The task this command starts.</summary>
    TaskReference Task { get; }

    /// <summary>Every identity the controller knows for the subject.</summary>
    IReadOnlyList<SubjectIdentity> Identities { get; }
}

/// <summary>Say whether the system holds data about the subject, and which categories (no copy of the data).</summary>
/// <param name="Task">The task.</param>
/// <param name="Identities">The subject's identities.</param>
public sealed record LocateSubject(TaskReference Task, IReadOnlyList<SubjectIdentity> Identities) : IConnectorCommand;

/// <summary>Export a copy of the subject's data (GDPR Art. 15(3), Art. 20).</summary>
/// <param name="Task">The task.</param>
/// <param name="Identities">The subject's identities.</param>
/// <param name="Categories">Only these data categories; empty for all.</param>
public sealed record ExportSubjectData(
    TaskReference Task, IReadOnlyList<SubjectIdentity> Identities, IReadOnlyList<string> Categories) : IConnectorCommand;

/// <summary>Correct or complete the subject's data (GDPR Art. 16).</summary>
/// <param name="Task">The task.</param>
/// <param name="Identities">The subject's identities.</param>
/// <param name="Changes">The corrections the controller accepted.</param>
public sealed record RectifySubjectData(
    TaskReference Task, IReadOnlyList<SubjectIdentity> Identities, IReadOnlyList<FieldChange> Changes) : IConnectorCommand
{
    /// <summary>
    /// The subject's supplementary statement completing their data (GDPR Art. 16), in their own words: keep it with the
    /// subject's data where the system can (a note on the record); null when the subject gave none. A system that cannot
    /// keep it answers <c>partial</c> and says so in its summary.
    /// </summary>
    public string? SupplementaryStatement { get; init; }
}

/// <summary>One correction: set <see cref="Field"/> to <see cref="Value"/>.</summary>
/// <param name="Field">The field, in the controller's vocabulary (e.g. <c>email</c>, <c>name</c>, <c>postal-address</c>).</param>
/// <param name="Value">The corrected value.</param>
public sealed record FieldChange(string Field, string Value);

/// <summary>Erase the subject's data (GDPR Art. 17), keeping only what a legal obligation requires; say what was kept.</summary>
/// <param name="Task">The task.</param>
/// <param name="Identities">The subject's identities.</param>
public sealed record EraseSubjectData(TaskReference Task, IReadOnlyList<SubjectIdentity> Identities) : IConnectorCommand
{
    /// <summary>
    /// The categories this system must keep, and why: the exemptions of a partial assessment (GDPR Art. 17(3)) and the
    /// organisation's legal holds in force for this system. Erase everything else; report each kept category back
    /// (<see cref="ConnectorTaskCompleted"/> with outcome <c>partial</c> and its retained items). Empty: erase everything.
    /// </summary>
    public IReadOnlyList<KeepCategory> Keep { get; init; } = [];
}

/// <summary>A category an erasure keeps.</summary>
/// <param name="Category">The data category, in the controller's vocabulary (e.g. <c>invoices</c>).</param>
/// <param name="LegalBasis">Why it is kept (e.g. <c>Art. 17(3)(b): tax law, 10 years</c>).</param>
/// <param name="Until">Until when, when known.</param>
/// <param name="Source">
/// <c>assessment</c> (a person's partial decision), <c>legal-hold</c> (the organisation's register) or <c>agreement</c>
/// (an exception recorded at the end of a processor's contract, <see cref="EraseCustomerData"/>).
/// </param>
public sealed record KeepCategory(string Category, string LegalBasis, DateOnly? Until, string Source);

/// <summary>Restrict processing of the subject's data: store it, do nothing else with it (GDPR Art. 18).</summary>
/// <param name="Task">The task.</param>
/// <param name="Identities">The subject's identities.</param>
/// <param name="Reason">
/// Which ground of Art. 18(1) applies, when the subject gave one: <c>accuracy-contested</c> (a),
/// <c>unlawful-processing</c> (b), <c>needed-for-legal-claims</c> (c) or <c>objection-pending</c> (d); null otherwise.
/// </param>
public sealed record RestrictProcessing(TaskReference Task, IReadOnlyList<SubjectIdentity> Identities, string? Reason) : IConnectorCommand;

/// <summary>Lift a restriction of processing (GDPR Art. 18(3): the subject is told before it is lifted).</summary>
/// <param name="Task">The task.</param>
/// <param name="Identities">The subject's identities.</param>
public sealed record LiftRestriction(TaskReference Task, IReadOnlyList<SubjectIdentity> Identities) : IConnectorCommand;

/// <summary>Stop processing the subject's data for one purpose (objection, GDPR Art. 21; consent withdrawal, Art. 7(3)).</summary>
/// <param name="Task">The task.</param>
/// <param name="Identities">The subject's identities.</param>
/// <param name="Purpose">
/// The purpose, e.g. <c>direct-marketing</c>, <c>direct-marketing-profiling</c> (profiling related to direct marketing,
/// GDPR Art. 21(2)), <c>profiling</c>, <c>analytics</c>.
/// </param>
public sealed record StopProcessing(TaskReference Task, IReadOnlyList<SubjectIdentity> Identities, string Purpose) : IConnectorCommand
{
    /// <summary>
    /// Set for a consent withdrawal (GDPR Art. 7(3), 17(1)(b)): also erase the data held for this purpose whose only lawful
    /// basis was the consent withdrawn; keep data held on another basis and report it (<see cref="ConnectorTaskCompleted"/>
    /// with outcome <c>partial</c> and its retained items, each with its basis). False (an objection, or an engine before
    /// this property): stop only. A connector written before this property only stops; its summary says what it did.
    /// </summary>
    public bool EraseConsentOnlyData { get; init; }
}

/// <summary>
/// Stop selling and sharing the consumer's personal information (California: Cal. Civ. Code §1798.120, §1798.135;
/// 11 CCR §7026(f)), as soon as feasibly possible: the engine's deadline is 15 business days from receipt. Then report, as
/// <see cref="ConnectorTaskCompleted.Recipients"/>, every third party this system sold or shared the information to
/// after <see cref="ReceivedAt"/> and before it complied: the organisation must tell each of them of the opt-out and
/// direct them to comply and to pass it on (11 CCR §7026(f)(2)). The engine tracks each of those notices.
/// </summary>
/// <param name="Task">The task.</param>
/// <param name="Identities">The consumer's identities (no identity was verified: the law forbids requiring it).</param>
/// <param name="ReceivedAt">When the business received the request.</param>
public sealed record StopSaleAndSharing(TaskReference Task, IReadOnlyList<SubjectIdentity> Identities, DateTimeOffset ReceivedAt)
    : IConnectorCommand
{
    /// <summary>
    /// True when the request came with an opt-out preference signal (Global Privacy Control, <c>Sec-GPC: 1</c>;
    /// 11 CCR §7025): apply it also to the browser or device it came from and to any profile linked to it.
    /// </summary>
    public bool GlobalPrivacyControl { get; init; }
}

/// <summary>
/// Limit the use and disclosure of the consumer's sensitive personal information to what 11 CCR §7027(m) allows (providing
/// the goods or services requested, security and integrity, short-term transient use, services on the business's behalf,
/// quality and safety) (California: Cal. Civ. Code §1798.121; 11 CCR §7027(g)), as soon as feasibly possible: the
/// engine's deadline is 15 business days from receipt. Report, as <see cref="ConnectorTaskCompleted.Recipients"/>, every
/// third party to which this system disclosed the sensitive information for another purpose after
/// <see cref="ReceivedAt"/> and before it complied: the organisation must tell each of them (11 CCR §7027(g)(2)-(3)).
/// </summary>
/// <param name="Task">The task.</param>
/// <param name="Identities">The consumer's identities (no identity was verified: the law forbids requiring it).</param>
/// <param name="ReceivedAt">When the business received the request.</param>
public sealed record LimitSensitiveDataUse(TaskReference Task, IReadOnlyList<SubjectIdentity> Identities, DateTimeOffset ReceivedAt)
    : IConnectorCommand;
