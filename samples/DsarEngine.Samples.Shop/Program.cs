using Microsoft.Extensions.Options;

namespace DsarEngine.Samples.Shop;

// A shop's privacy page on another origin than the engine, embedding the engine's subject form with one script tag.
//   Shop__EngineUrl=http://localhost:5080 Shop__Tenant=demo Shop__Url=http://127.0.0.1:5091 \
//   dotnet run --project samples/DsarEngine.Samples.Shop        then open http://localhost:5091/privacy
// (A class rather than top-level statements: those make a public global Program that clashes with the engine's.)
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var app = ShopApp.Build(args);
        try
        {
            await app.StartAsync();
        }
        catch (OptionsValidationException invalid)
        {
            // The settings' own messages, without a stack trace: they say what to set.
            await Console.Error.WriteLineAsync($"The shop cannot start: {string.Join(" ", invalid.Failures)}");
            return 2;
        }
        await app.WaitForShutdownAsync();
        return 0;
    }
}
