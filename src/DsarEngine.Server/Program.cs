using DsarEngine.Server;
using DsarEngine.Server.Maintenance;

var builder = WebApplication.CreateBuilder(args);
builder.AddDsarEngine();
var app = builder.Build();
// An operator's command on the node's own settings (docs/operations.md): it runs and exits, serving nothing.
if (args is [DataKeyCommand.Verb, .. var rest])
    return await DataKeyCommand.RunAsync(app, rest, Console.Out, CancellationToken.None);
await app.PrepareAsync();
app.UseDsarEngine();
await app.RunAsync();
return 0;

// Visible to WebApplicationFactory in the tests.
public partial class Program;
