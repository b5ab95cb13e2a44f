var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/", () => "DsarEngine");
app.Run();
