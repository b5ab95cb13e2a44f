namespace DsarEngine.Server.Requests;

internal enum SubmitResult
{
    Created,
    // The same Idempotency-Key with the same body: the original request, never a second one.
    Replayed,
    // The same Idempotency-Key with a different body: refused, nothing stored.
    KeyReused,
    // An organisation's settings changed after intake read them (TenantCache): nothing stored; read them again and retry.
    SettingsChanged,
}

internal sealed record SubmitOutcome(SubmitResult Result, StoredRequest? Request);
