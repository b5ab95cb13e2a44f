using DsarEngine.Connectors;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Samples.Common;

namespace DsarEngine.Samples.NewsletterSaas;

// What the SaaS does for each action. Doing a task twice is harmless: erasing or unsubscribing again changes nothing.
public static class TaskWork
{
    public const string SuppressionBasis =
        "GDPR Art. 17(3) and Art. 21(3): a hashed address is kept on the suppression list so the person is never mailed again";

    public static HttpTaskResult Do(Subscribers subscribers, HttpTaskRequest request)
    {
        var email = SamplePeople.Email(request.Identities);
        var subscriber = subscribers.Find(email);
        return request.Action switch
        {
            ConnectorActions.Locate => subscriber is null ? Result(TaskOutcomes.NotFound, "No subscriber with this address.")
                : Result(TaskOutcomes.Done, "Subscriber found: profile, lists, campaign activity."),
            ConnectorActions.Export => subscriber is null
                ? Result(TaskOutcomes.NotFound, "No subscriber with this address.")
                : Export(subscriber),
            ConnectorActions.Erase when subscriber is null && email is not null && subscribers.IsSuppressed(email) =>
                Result(TaskOutcomes.Partial, "Already erased; the address stays suppressed.", Suppression()),
            ConnectorActions.Erase when subscriber is null => Result(TaskOutcomes.NotFound, "No subscriber with this address."),
            ConnectorActions.Erase => Erase(subscribers, subscriber!, request.Keep ?? []),
            ConnectorActions.StopProcessing when email is not null => Result(TaskOutcomes.Done,
                $"Unsubscribed from {subscribers.Unsubscribe(email)} list(s) and suppressed for {request.Purpose ?? "direct-marketing"}."),
            _ => new HttpTaskResult(null, null, null, null, null, null,
                new HttpTaskFailure(false, "unsupported-action", $"The newsletter service cannot '{request.Action}'.")),
        };
    }

    private static HttpTaskResult Erase(Subscribers subscribers, Subscriber subscriber, IReadOnlyList<KeepCategory> keep)
    {
        // The engine says what must stay (GDPR Art. 17(3)): only campaign activity is this service's to keep apart.
        if (keep.FirstOrDefault(k => k.Category == "campaign-activity") is { } opens)
        {
            subscribers.EraseKeepingOpens(subscriber.Email);
            return Result(TaskOutcomes.Partial, $"Subscriber and {subscriber.Lists.Count} list membership(s) erased; " +
                $"{subscriber.Opens.Count} open(s) kept as instructed.",
                [.. Suppression(), new RetainedData("campaign-activity", opens.LegalBasis, opens.Until)]);
        }
        subscribers.Erase(subscriber.Email);
        return Result(TaskOutcomes.Partial,
            $"Subscriber, {subscriber.Lists.Count} list membership(s) and {subscriber.Opens.Count} open(s) erased.", Suppression());
    }

    private static HttpTaskResult Export(Subscriber s) => new(null, TaskOutcomes.Done, "Profile, lists and campaign opens.", [], [],
        new ExportDocument("newsletter", "Newsletter service",
        [
            new ExportedCategory("subscriber", [new Dictionary<string, string?> { ["email"] = s.Email, ["name"] = s.Name }]),
            new ExportedCategory("lists",
                [.. s.Lists.Select(l => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?> { ["list"] = l })]),
            new ExportedCategory("campaign-activity",
                [.. s.Opens.Select(o => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?> { ["opened"] = o })]),
        ]), null);

    private static List<RetainedData> Suppression() => [new("suppression-list", SuppressionBasis, null)];

    private static HttpTaskResult Result(string outcome, string summary, IReadOnlyList<RetainedData>? retained = null) =>
        new(null, outcome, summary, retained ?? [], [], null, null);
}
