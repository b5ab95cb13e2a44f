namespace DsarEngine.Server.Requests;

// What became of a subject's withdrawal (WithdrawalService). AlreadyClosed: the request was answered, refused, closed or
// withdrawn before; Status is the request's status (to say it in the subject's language), Reason says it in English.
internal abstract record WithdrawalOutcome
{
    public sealed record Withdrawn : WithdrawalOutcome;

    public sealed record AlreadyClosed(string Status, string Reason) : WithdrawalOutcome;

    // No such request in this organisation (another organisation's request is not found either).
    public sealed record NotFound : WithdrawalOutcome;
}
