using System.Security.Cryptography;
using System.Text;
using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Workflows.Security;

// Every command carries a token derived from the server key and the task's request, tenant, connector and attempt; a
// reply or export chunk is accepted only with the token of a command the engine really sent (security review M2).
// Request and task ids are guessable (task ids are deterministic), the token is not: only the receiver of the
// command, which the broker's permissions confine to the tenant's own connector, can answer it.
internal static class ReplyTokens
{
    public static string For(SecretTokens tokens, TaskReference task) =>
        tokens.Derive($"connector-reply:{task.RequestId:N}:{task.Tenant}:{task.Connector}:{task.Attempt}", task.TaskId);

    public static bool Valid(SecretTokens tokens, TaskReference task) =>
        task.ReplyToken is { Length: > 0 and <= 128 } presented
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(For(tokens, task)));
}
