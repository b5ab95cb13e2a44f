using DsarEngine.Server.Platform;

namespace DsarEngine.Server.Mail;

// Mail written with the state that causes it, delivered over SMTP (MailKit) with backoff; the admins' mailbox.
internal static class MailSetup
{
    public static IServiceCollection AddMail(this IServiceCollection services) => services
        .AddValidatedOptions<MailOptions>(MailOptions.SectionName)
        .AddSingleton<MailboxStore>()
        .AddSingleton<MailRenderer>()
        .AddEngineService<SmtpDelivery>();

    public static IEndpointRouteBuilder MapMail(this IEndpointRouteBuilder app)
    {
        app.MapMailboxApi();
        return app;
    }
}
