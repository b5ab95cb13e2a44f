namespace DsarEngine.Connectors.Contracts;

/// <summary>
/// Export all the data this system holds for one customer of a processor (GDPR Art. 28(3)(g): at the end of the
/// services, the data is returned to the controller). Not about one subject: the scope is the customer's workspace.
/// The task's <see cref="TaskReference.RequestId"/> names the end of contract, its <see cref="TaskReference.Right"/> is
/// <c>end-of-contract</c>. Answer as for <see cref="ExportSubjectData"/>: the document in <see cref="ExportChunkUploaded"/>
/// messages, then <see cref="ConnectorTaskCompleted"/> with its manifest (or <c>not-found</c> when the system holds nothing
/// for the customer), or <see cref="ConnectorTaskFailed"/>.
/// </summary>
/// <param name="Task">The task.</param>
/// <param name="Workspace">The customer's workspace key, as the processor registered it.</param>
/// <param name="Categories">Only these data categories; empty for all.</param>
public sealed record ExportCustomerData(TaskReference Task, string Workspace, IReadOnlyList<string> Categories);

/// <summary>
/// Delete all the data this system holds for one customer of a processor, existing copies included (GDPR Art. 28(3)(g)),
/// except the categories in <see cref="Keep"/>: report each kept category back (<see cref="ConnectorTaskCompleted"/> with
/// outcome <c>partial</c> and its retained items). Backups that expire on their own cycle are reported as retained, with
/// the date they expire.
/// </summary>
/// <param name="Task">The task (right <c>end-of-contract</c>).</param>
/// <param name="Workspace">The customer's workspace key.</param>
public sealed record EraseCustomerData(TaskReference Task, string Workspace)
{
    /// <summary>
    /// The categories this system must keep and why: the exceptions of the agreement or of the law (tax and billing
    /// records, dispute resolution), with <see cref="KeepCategory.Source"/> <c>agreement</c>. Empty: delete everything.
    /// </summary>
    public IReadOnlyList<KeepCategory> Keep { get; init; } = [];
}
