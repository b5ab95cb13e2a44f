using DsarEngine.Server.Platform;

namespace DsarEngine.Server.Packs;

// Response packs: the processing register, letters (Razor, then Chromium), the pack store, links and one-time codes.
internal static class PacksSetup
{
    public static IServiceCollection AddPacks(this IServiceCollection services)
    {
        services.AddValidatedOptions<PdfOptions>(PdfOptions.SectionName).AddValidatedOptions<PackOptions>(PackOptions.SectionName);
        return services.AddSingleton<PdfRenderer>()
            .AddSingleton<LetterComposer>()
            .AddSingleton<RegisterStore>()
            .AddSingleton<RegisterAdmin>()
            .AddSingleton<PackStore>()
            .AddSingleton<LetterModels>()
            .AddSingleton<PackRendering>()
            .AddSingleton<PackLinks>()
            .AddSingleton<PackCodes>()
            .AddSingleton<PackCodeMail>()
            .AddSingleton<TransmissionStore>();
    }

    public static IEndpointRouteBuilder MapPacks(this IEndpointRouteBuilder app)
    {
        app.MapRegisterApi();
        app.MapPacksApi();
        app.MapPackDownloadApi();
        app.MapTransmissionApi();
        app.MapTransmissionRefusalApi();
        return app;
    }
}
