using Microsoft.Extensions.Logging;
using DsarEngine.Connectors.Contracts;
using MassTransit;

namespace DsarEngine.Samples.CrmConnector;

// Answers the engine's commands for the sample CRM: finds the subject by any identity it knows, does the
// action, and replies with the outcome. No personal data leaves in the reply or the logs.
public sealed class CrmConsumer(CrmData crm, ILogger<CrmConsumer> log) :
    IConsumer<LocateSubject>, IConsumer<ExportSubjectData>, IConsumer<EraseSubjectData>, IConsumer<StopProcessing>
{
    // Consumed by concrete type: a message consumed as the interface is a proxy, whose runtime type says nothing.
    public Task Consume(ConsumeContext<LocateSubject> context) => HandleAsync(context, context.Message);

    public Task Consume(ConsumeContext<ExportSubjectData> context) => HandleAsync(context, context.Message);

    public Task Consume(ConsumeContext<EraseSubjectData> context) => HandleAsync(context, context.Message);

    public Task Consume(ConsumeContext<StopProcessing> context) => HandleAsync(context, context.Message);

    private async Task HandleAsync(ConsumeContext context, IConnectorCommand command)
    {
        var customer = crm.Find(command.Identities);
        var (outcome, detail) = (command, customer) switch
        {
            (_, null) => (TaskOutcomes.NotFound, "No customer matches the identities given."),
            (LocateSubject, _) => (TaskOutcomes.Done, "1 customer record."),
            (ExportSubjectData, _) => (TaskOutcomes.Done, "1 customer record: name, e-mail, city, customer since."),
            (EraseSubjectData, { } c) => Erase(c),
            (StopProcessing, _) => (TaskOutcomes.Done, "Marketing and profiling flags cleared."),
            _ => ("failed", $"The sample CRM cannot do {command.GetType().Name}."),
        };
        log.LogInformation("Task {TaskId}: {Action} -> {Outcome}", command.Task.TaskId, command.GetType().Name, outcome);
        if (outcome == "failed")
            await context.Publish(new ConnectorTaskFailed(command.Task, false, "unsupported-action", detail));
        else
            await context.Publish(new ConnectorTaskCompleted(command.Task, outcome, detail,
                outcome == TaskOutcomes.Partial ? [new RetainedData("invoices", "Code de commerce art. L123-22 (10-year accounting records)", null)] : [], [], null));
    }

    // Invoices are kept for ten years (French Commercial Code art. L123-22): a partial erasure says so.
    private (string, string) Erase(Customer customer)
    {
        crm.Erase(customer.CustomerId);
        return (TaskOutcomes.Partial, "Profile erased; invoices retained until their 10-year legal retention ends (Code de commerce L123-22).");
    }
}
