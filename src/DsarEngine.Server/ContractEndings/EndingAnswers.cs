using DsarEngine.Connectors.Contracts;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.ContractEndings;

// A connector's reply as an end-of-contract task records it. The reply's export was checked first (CompletedReplies): an
// incomplete, corrupt or too large export is a failure, never a return.
internal static class EndingAnswers
{
    public static EndingAnswer From(Signal signal) => signal switch
    {
        Signal.TaskCompleted done => new EndingAnswer(done.Outcome, done.Summary,
            [.. done.Retained.Select(r => new RetainedData(r.Category, r.LegalBasis, r.RetainUntil))], done.Export),
        Signal.TaskFailed failed => Failed(failed.Code, failed.Reason),
        _ => throw new InvalidOperationException($"No end-of-contract answer for {signal.GetType().Name}."),
    };

    // A failure is final here, retryable or not: the end of contract reports it as not done; a person decides what next.
    public static EndingAnswer Failed(string code, string reason) =>
        new(EndingTaskStatus.Failed, $"{code}: {(reason.Length > 500 ? reason[..500] : reason)}", [], null);
}
