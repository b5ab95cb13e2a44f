using System.Text.Json;
using DsarEngine.Workflows.Mail;
using DsarEngine.Server.Mail;
using DsarEngine.Server.Tenants;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Tenants;

namespace DsarEngine.Server.Requests;

// A processor passed the request to the workspace's customer, the controller (GDPR Art. 28(3)(e)).
internal sealed record Routed(Tenant Processor, Workspace Workspace, Tenant Controller);

internal sealed partial class IntakeService
{
    // The tenant that will hold the request: the one written to, or, for a processor's workspace, its customer
    // (null with a workspace when the customer is not on this engine: the subject is referred to it instead). A
    // customer that has not accepted the processor's requests gets none: the processor keeps it (Held).
    private async Task<(Workspace?, Tenant?, bool Held)> RouteAsync(
        NewRequest? request, Tenant? tenant, IntakeErrors errors, CancellationToken ct)
    {
        var (workspace, controller) = await FindRouteAsync(request, tenant, errors, ct);
        if (workspace is not null && controller is not null && tenant is not null && controller.Id != tenant.Id
            && !await workspaces.AcceptedAsync(controller.Id, tenant.Id, ct))
            return (workspace, tenant, true);
        return (workspace, controller, false);
    }

    private async Task<(Workspace?, Tenant?)> FindRouteAsync(NewRequest? request, Tenant? tenant, IntakeErrors errors, CancellationToken ct)
    {
        if (request?.Workspace is not { } key || tenant is null)
            return (null, tenant);
        if (!tenant.IsProcessor)
        {
            errors.Add("workspace", $"{tenant.Name} does not host other organisations' workspaces: leave this out.");
            return (null, tenant);
        }
        if (await workspaces.FindAsync(tenant.Id, key, ct) is not { } workspace)
        {
            errors.Add("workspace", $"{tenant.Name} has no workspace '{key}'. Check the address of the service you used.");
            return (null, tenant);
        }
        if (workspace.CustomerTenantId is not { } customerId)
            return (workspace, null);
        return (workspace, await tenants.FindAsync(customerId, ct)
            ?? throw new InvalidOperationException($"Workspace {workspace.Key} names a customer tenant that does not exist."));
    }

    // Nothing of the subject's is kept: the processor logs that it referred a request, and the subject is told whom
    // to write to (by e-mail too, when an address was given, so the answer is not lost with the browser tab).
    private async Task<IntakeResult> ReferAsync(IntakeCommand command, NewRequest request, Tenant processor, Workspace workspace,
        DateTimeOffset now, CancellationToken ct)
    {
        if (command.BrowserOrigin is { } origin && !processor.AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase))
            return new IntakeResult.Refused(StatusCodes.Status403Forbidden, "origin-not-allowed",
                "This website may not submit requests for this organisation.", $"Add {origin} to the organisation's allowed origins.");
        var chosen = request.Language ?? processor.DefaultLanguage;
        var language = MailTemplates.Exists(MailTemplates.RequestReferred, chosen) ? chosen : "en";
        var mail = request.Subject.Email is { } email
            ? new MailDraft(Guid.CreateVersion7(now), email, MailTemplates.RequestReferred, language,
                JsonSerializer.Serialize(new Dictionary<string, string>
                {
                    ["workspace"] = workspace.DisplayName, ["controller"] = workspace.ContactName ?? workspace.DisplayName,
                    ["contact"] = RoutingNotices.Contact(workspace.ContactEmail, workspace.ContactUrl),
                }, Json))
            : null;
        await workspaces.ReferAsync(
            new RoutingRecord(processor.Id, workspace.Key, request.Right.ToSlug(), "referred", null, null, now), mail, ct);
        return new IntakeResult.Referred(workspace, processor, language);
    }
}
