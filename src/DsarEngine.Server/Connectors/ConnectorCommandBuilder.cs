using DsarEngine.Connectors.Contracts;
using DsarEngine.Workflows.Security;
using DsarEngine.Workflows.Runtime;
using DsarEngine.Server.Requests;

namespace DsarEngine.Server.Connectors;

// Turns the executor's connector command into the SDK's wire contract for its action, and says where it goes:
// a bus connector's own queue for the tenant (never another tenant's), or the engine's adapter queue for HTTP and
// OpenDSR connectors (the relay adds the endpoint prefix to the "@" names). Manual tasks send nothing: a person
// completes them in the inbox.
internal static class ConnectorCommandBuilder
{

    public static string? Destination(string tenant, string connector, string kind) => kind switch
    {
        ConnectorKinds.Bus => Queues.BusConnector(tenant, connector),
        ConnectorKinds.Http => Queues.HttpAdapter,
        ConnectorKinds.OpenDsr => Queues.OpenDsrAdapter,
        _ => null,
    };

    public static IConnectorCommand Build(ConnectorCommand command, string tenant, string connector, StoredRequest request,
        IReadOnlyList<SubjectIdentity> identities, IReadOnlyList<FieldChange> changes, SecretTokens tokens)
    {
        var task = new TaskReference(
            command.RequestId, command.TaskId, tenant, connector, request.RightKind, command.IdempotencyKey, command.Attempt);
        task = task with { ReplyToken = ReplyTokens.For(tokens, task) };
        return command.Action switch
        {
            ConnectorActions.Locate => new LocateSubject(task, identities),
            ConnectorActions.Export => new ExportSubjectData(task, identities, []),
            // GDPR Art. 16: the corrections, and the subject's supplementary statement to keep with their data.
            ConnectorActions.Rectify => new RectifySubjectData(task, identities, changes)
            {
                SupplementaryStatement = request.SupplementaryStatement,
            },
            // GDPR Art. 17(3): the partial assessment's exemptions and the legal holds this system must keep.
            ConnectorActions.Erase => new EraseSubjectData(task, identities)
            {
                Keep = [.. command.Keep.Select(k => new KeepCategory(k.Category, k.LegalBasis, k.Until, k.Source))],
            },
            // GDPR Art. 18(1): the ground the subject gave (RestrictionGrounds), or none.
            ConnectorActions.Restrict => new RestrictProcessing(task, identities, request.RestrictionGround),
            ConnectorActions.LiftRestriction => new LiftRestriction(task, identities),
            // The purpose the subject named; a definition check keeps stop-processing to the rights that name one.
            // GDPR Art. 17(1)(b): a consent withdrawal also asks for the erasure of the data that consent alone justified.
            ConnectorActions.StopProcessing => new StopProcessing(task, identities, request.Purpose
                ?? throw new InvalidOperationException($"Request {request.Reference} names no purpose to stop processing for."))
            {
                EraseConsentOnlyData = request.RightKind == "consent-withdrawal",
            },
            // 11 CCR §7026(f), §7027(g): from receipt, the systems stop selling and sharing (or limit the use of sensitive
            // data) and report the third parties to tell; a Global Privacy Control signal also covers the browser (§7025).
            ConnectorActions.StopSaleSharing => new StopSaleAndSharing(task, identities, request.ReceivedAt)
            {
                GlobalPrivacyControl = request.GlobalPrivacyControl,
            },
            ConnectorActions.LimitSensitiveUse => new LimitSensitiveDataUse(task, identities, request.ReceivedAt),
            _ => throw new InvalidOperationException($"No connector command for the action '{command.Action}'."),
        };
    }
}
