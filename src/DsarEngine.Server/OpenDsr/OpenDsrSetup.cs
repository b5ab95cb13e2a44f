using DsarEngine.Server.Connectors;
using DsarEngine.Server.Connectors.Egress;
using DsarEngine.Server.Platform;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.OpenDsr;

// OpenDSR both ways: the engine as a processor (controllers submit, follow and fetch results) and as a controller (an
// opendsr connector drives a processor and hears back through signed callbacks).
internal static class OpenDsrSetup
{
    public static IServiceCollection AddOpenDsr(this IServiceCollection services)
    {
        services.AddValidatedOptions<OpenDsrOptions>(OpenDsrOptions.SectionName);
        services.AddSingleton<IValidateOptions<OpenDsrOptions>, OpenDsrEnvironmentValidation>();
        services.AddEgressClient(OpenDsrCallbackWorker.ClientName, TimeSpan.FromSeconds(60), ConnectorsSetup.MaxResultBytes);
        return services.AddSingleton<OpenDsrSigner>()
            .AddSingleton<OpenDsrControllers>()
            .AddSingleton<OpenDsrCallbackPipelines>()
            .AddSingleton<OpenDsrStore>()
            .AddSingleton<OpenDsrCertificates>()
            .AddSingleton<OpenDsrClient>()
            .AddEngineService<OpenDsrCallbackWorker>();
    }

    public static IEndpointRouteBuilder MapOpenDsr(this IEndpointRouteBuilder app)
    {
        app.MapOpenDsrApi();
        app.MapOpenDsrCallbacks();
        return app;
    }
}
