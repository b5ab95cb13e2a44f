using Microsoft.Extensions.Logging;
using DsarEngine.Connectors.Contracts;
using MassTransit;

namespace DsarEngine.Samples.CrmConnector;

// Answers the engine's commands for the sample CRM: finds the subject by any identity it knows, does the
// action, and replies with the outcome. No personal data leaves in the reply or the logs.
public sealed class CrmConsumer(CrmData crm, ILogger<CrmConsumer> log) : IConsumer<PerformConnectorAction>
{
    public async Task Consume(ConsumeContext<PerformConnectorAction> context)
    {
        var command = context.Message;
        var customer = crm.Find(command.Identities);
        var (outcome, detail) = (command.Action, customer) switch
        {
            (_, null) => (ConnectorOutcomes.NotFound, "No customer matches the identities given."),
            ("locate", _) => (ConnectorOutcomes.Done, "1 customer record."),
            ("export", _) => (ConnectorOutcomes.Done, "1 customer record: name, e-mail, city, customer since."),
            ("erase", { } c) => Erase(c),
            ("stop-processing", _) => (ConnectorOutcomes.Done, "Marketing and profiling flags cleared."),
            _ => (ConnectorOutcomes.Failed, $"The sample CRM cannot '{command.Action}'."),
        };
        log.LogInformation("Task {TaskId}: {Action} -> {Outcome}", command.TaskId, command.Action, outcome);
        await context.Publish(new ConnectorActionCompleted(command.RequestId, command.TaskId, outcome, detail));
    }

    // Invoices are kept for ten years (French Commercial Code art. L123-22): a partial erasure says so.
    private (string, string) Erase(Customer customer)
    {
        crm.Erase(customer.CustomerId);
        return (ConnectorOutcomes.Partial, "Profile erased; invoices retained until their 10-year legal retention ends (Code de commerce L123-22).");
    }
}
