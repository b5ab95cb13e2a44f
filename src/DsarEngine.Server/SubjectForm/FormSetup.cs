using DsarEngine.Server.Platform;

namespace DsarEngine.Server.SubjectForm;

// The hosted, embeddable request form (issue 14): /form/{tenant}, /embed.js.
internal static class FormSetup
{
    public static IServiceCollection AddSubjectForm(this IServiceCollection services) =>
        services.AddValidatedOptions<FormOptions>(FormOptions.SectionName)
            .AddSingleton<FormToken>()
            .AddSingleton<FormPages>()
            .AddSingleton<FormSubmission>();
}
