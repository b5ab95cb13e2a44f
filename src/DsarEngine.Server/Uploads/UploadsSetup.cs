using DsarEngine.Server.Platform;

namespace DsarEngine.Server.Uploads;

// Documents the subject sends (form, portal): checked by content, sealed at rest, read by staff with a journal entry.
internal static class UploadsSetup
{
    public static IServiceCollection AddUploads(this IServiceCollection services) =>
        services.AddValidatedOptions<UploadOptions>(UploadOptions.SectionName)
            .AddSingleton<UploadCheck>()
            .AddSingleton<SubjectUploads>();

    public static IEndpointRouteBuilder MapUploads(this IEndpointRouteBuilder app) => app.MapSubjectDocuments();
}
