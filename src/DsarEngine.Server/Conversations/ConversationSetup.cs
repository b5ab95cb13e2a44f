namespace DsarEngine.Server.Conversations;

// Internal notes and the messages to and from the subject (docs/inbox-request-page.md), and the request page's part
// for them (registered here, beside the services it calls, rather than in InboxSetup).
internal static class ConversationSetup
{
    public static IServiceCollection AddConversations(this IServiceCollection services) => services
        .AddSingleton<TextSeal>().AddSingleton<NoteStore>().AddSingleton<MessageStore>().AddSingleton<MessageMail>()
        .AddSingleton<ConversationService>().AddScoped<Inbox.Request.ConversationActions>();
}
