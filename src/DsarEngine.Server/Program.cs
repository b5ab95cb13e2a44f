using DsarEngine.Server;

var builder = WebApplication.CreateBuilder(args);
builder.AddDsarEngine();
var app = builder.Build();
await app.PrepareAsync();
app.UseDsarEngine();
await app.RunAsync();

// Visible to WebApplicationFactory in the tests.
public partial class Program;
