using MassTransit;

namespace DsarEngine.Connectors.Hosting;

// The RabbitMQ user a connection logs in as, and the validated AMQP user_id property. RabbitMQ refuses a message whose
// user_id differs from the connection's user, so the receiver may trust it as the sender's identity.
internal static class BrokerUser
{
    // RabbitMQ's default user when the URI names none.
    public const string Default = "guest";

    public static string Of(Uri broker) =>
        broker.UserInfo is { Length: > 0 } info ? Uri.UnescapeDataString(info.Split(':')[0]) : Default;

    public static void Stamp(SendContext context, string user)
    {
        if (context.TryGetPayload<RabbitMqSendContext>(out var rabbit))
            rabbit.BasicProperties.UserId = user;
    }

    // The sender's validated user, or null when the message did not say (or did not come through RabbitMQ).
    public static string? Sender(ConsumeContext context) =>
        context.ReceiveContext.TryGetPayload<RabbitMqBasicConsumeContext>(out var rabbit) ? rabbit.Properties.UserId : null;
}
