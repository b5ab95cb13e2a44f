using DsarEngine.Connectors.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace DsarEngine.Connectors.Hosting;

// Every command type is consumed, whatever THandlers implements: an action it lacks is answered with
// "unsupported-action" instead of being left to rot in a skipped queue.
internal sealed class CommandConsumer<THandlers>(THandlers handlers, TaskRunner runner, IOptions<DsarConnectorOptions> options) :
    IConsumer<LocateSubject>, IConsumer<ExportSubjectData>, IConsumer<RectifySubjectData>, IConsumer<EraseSubjectData>,
    IConsumer<RestrictProcessing>, IConsumer<LiftRestriction>, IConsumer<StopProcessing>
    where THandlers : class
{
    public Task Consume(ConsumeContext<LocateSubject> c) => runner.RunAsync(c, c.Message, ConnectorActions.Locate,
        handlers is ILocateHandler h ? ResultWork.For(c.Message.Task, (x, ct) => h.LocateAsync(c.Message, x, ct)) : null);

    public Task Consume(ConsumeContext<ExportSubjectData> c) => runner.RunAsync(c, c.Message, ConnectorActions.Export,
        handlers is IExportHandler h ? (x, ct) => ExportWork.RunAsync(h, c.Message, x, options.Value.ChunkBytes, ct) : null);

    public Task Consume(ConsumeContext<RectifySubjectData> c) => runner.RunAsync(c, c.Message, ConnectorActions.Rectify,
        handlers is IRectifyHandler h ? ResultWork.For(c.Message.Task, (x, ct) => h.RectifyAsync(c.Message, x, ct)) : null);

    public Task Consume(ConsumeContext<EraseSubjectData> c) => runner.RunAsync(c, c.Message, ConnectorActions.Erase,
        handlers is IEraseHandler h ? ResultWork.For(c.Message.Task, (x, ct) => h.EraseAsync(c.Message, x, ct)) : null);

    public Task Consume(ConsumeContext<RestrictProcessing> c) => runner.RunAsync(c, c.Message, ConnectorActions.Restrict,
        handlers is IRestrictHandler h ? ResultWork.For(c.Message.Task, (x, ct) => h.RestrictAsync(c.Message, x, ct)) : null);

    public Task Consume(ConsumeContext<LiftRestriction> c) => runner.RunAsync(c, c.Message, ConnectorActions.LiftRestriction,
        handlers is ILiftRestrictionHandler h ? ResultWork.For(c.Message.Task, (x, ct) => h.LiftAsync(c.Message, x, ct)) : null);

    public Task Consume(ConsumeContext<StopProcessing> c) => runner.RunAsync(c, c.Message, ConnectorActions.StopProcessing,
        handlers is IStopProcessingHandler h ? ResultWork.For(c.Message.Task, (x, ct) => h.StopAsync(c.Message, x, ct)) : null);
}
