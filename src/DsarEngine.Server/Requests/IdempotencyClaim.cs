namespace DsarEngine.Server.Requests;

// An Idempotency-Key (IETF draft-ietf-httpapi-idempotency-key-header) and the SHA-256 of the body it came with.
internal sealed record IdempotencyClaim(string Key, byte[] Fingerprint);
