using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Connectors;

/// <summary>Answers <see cref="LocateSubject"/>: does this system hold data about the subject?</summary>
public interface ILocateHandler
{
    /// <summary>
    /// Find the subject; return <see cref="TaskResult.NotFound"/> or <see cref="TaskResult.Done"/>
    /// naming the categories held.
    /// </summary>
    Task<TaskResult> LocateAsync(LocateSubject command, TaskContext context, CancellationToken ct);
}

/// <summary>Answers <see cref="ExportSubjectData"/>: a copy of the subject's data.</summary>
public interface IExportHandler
{
    /// <summary>The subject's data by category, or null when the system holds none. The SDK uploads it in chunks.</summary>
    Task<ExportDocument?> ExportAsync(ExportSubjectData command, TaskContext context, CancellationToken ct);
}

/// <summary>Answers <see cref="RectifySubjectData"/>.</summary>
public interface IRectifyHandler
{
    /// <summary>Apply the corrections; say which were applied in the summary.</summary>
    Task<TaskResult> RectifyAsync(RectifySubjectData command, TaskContext context, CancellationToken ct);
}

/// <summary>Answers <see cref="EraseSubjectData"/>.</summary>
public interface IEraseHandler
{
    /// <summary>
    /// Erase; return <see cref="TaskResult.Partial"/> with the retained categories and their legal basis when some data
    /// must be kept.
    /// </summary>
    Task<TaskResult> EraseAsync(EraseSubjectData command, TaskContext context, CancellationToken ct);
}

/// <summary>Answers <see cref="RestrictProcessing"/>.</summary>
public interface IRestrictHandler
{
    /// <summary>Mark the subject's data as restricted: stored, not otherwise processed.</summary>
    Task<TaskResult> RestrictAsync(RestrictProcessing command, TaskContext context, CancellationToken ct);
}

/// <summary>Answers <see cref="LiftRestriction"/>.</summary>
public interface ILiftRestrictionHandler
{
    /// <summary>Lift the restriction.</summary>
    Task<TaskResult> LiftAsync(LiftRestriction command, TaskContext context, CancellationToken ct);
}

/// <summary>Answers <see cref="StopProcessing"/> (objection, consent withdrawal).</summary>
public interface IStopProcessingHandler
{
    /// <summary>Stop processing for <see cref="StopProcessing.Purpose"/> (e.g. unsubscribe and suppress for direct marketing).</summary>
    Task<TaskResult> StopAsync(StopProcessing command, TaskContext context, CancellationToken ct);
}

/// <summary>Answers <see cref="StopSaleAndSharing"/> (California: the consumer opts out of the sale or sharing of their data).</summary>
public interface IStopSaleSharingHandler
{
    /// <summary>
    /// Stop selling and sharing the consumer's data; return <see cref="TaskResult.Done"/> with, as recipients, every third
    /// party the data was sold or shared to since <see cref="StopSaleAndSharing.ReceivedAt"/> (11 CCR §7026(f)(2)).
    /// </summary>
    Task<TaskResult> StopSaleSharingAsync(StopSaleAndSharing command, TaskContext context, CancellationToken ct);
}

/// <summary>Answers <see cref="LimitSensitiveDataUse"/> (California: limit the use of sensitive personal information).</summary>
public interface ILimitSensitiveUseHandler
{
    /// <summary>
    /// Limit the use and disclosure of the consumer's sensitive data to the purposes 11 CCR §7027(m) allows; return
    /// <see cref="TaskResult.Done"/> with, as recipients, the third parties to tell (§7027(g)).
    /// </summary>
    Task<TaskResult> LimitSensitiveUseAsync(LimitSensitiveDataUse command, TaskContext context, CancellationToken ct);
}

/// <summary>Answers <see cref="ExportCustomerData"/>: a copy of all a processor's customer's data, at the end of the contract.</summary>
public interface ICustomerExportHandler
{
    /// <summary>The customer's data by category, or null when the system holds none. The SDK uploads it in chunks.</summary>
    Task<ExportDocument?> ExportCustomerAsync(ExportCustomerData command, TaskContext context, CancellationToken ct);
}

/// <summary>Answers <see cref="EraseCustomerData"/>: delete all a processor's customer's data, at the end of the contract.</summary>
public interface ICustomerEraseHandler
{
    /// <summary>
    /// Delete, copies included; return <see cref="TaskResult.Partial"/> with the retained categories, their legal basis and
    /// until when (backups expiring on their cycle included) when some data is kept.
    /// </summary>
    Task<TaskResult> EraseCustomerAsync(EraseCustomerData command, TaskContext context, CancellationToken ct);
}
