using System.Net.Http.Json;
using System.Security.Claims;
using DsarEngine.Server.Conversations;
using DsarEngine.Server.Inbox.Request;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Inbox;

// The request page's notes and messages as a person of a test tenant uses them (built as a circuit builds them), and a
// request past its identity step, where the clock runs and nothing stops it yet.
internal static class ConversationDriver
{
    public static ConversationActions Actions(EngineFactory engine, ClaimsPrincipal person) =>
        InboxPeople.Service<ConversationActions>(engine, person);

    public static ConversationActions Actions(EngineFactory engine, TestTenant tenant, string role) =>
        Actions(engine, InboxPeople.Person(tenant, role));

    public static async Task<(TestTenant Tenant, string Reference, string Email, HttpClient Staff)> PastIdentityAsync(
        EngineFactory engine, string jurisdiction = "FR")
    {
        // The organisation's jurisdiction decides the law (a Californian business for a CCPA request), not the subject's.
        var tenant = await TestTenant.CreateAsync(engine, jurisdiction: jurisdiction);
        var email = Submissions.UniqueEmail();
        var body = Submissions.Valid(tenant.Slug);
        body["jurisdiction"] = jurisdiction;
        body["subject"]!["email"] = email;
        var accepted = await (await engine.CreateClient().SendAsync(Submissions.Post(body))).ReadObjectAsync();
        var reference = (string)accepted["reference"]!;
        var staff = tenant.Staff(engine, StaffRoles.PrivacyOfficer);
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("identity"), "the identity step");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/identity", new { evidence = "Known customer, called back." });
        await TestData.Workflows.WaitForAsync(staff, reference, v => (string?)v["waitingFor"] != "identity", "identity verified");
        return (tenant, reference, email, staff);
    }

    public static async Task<RequestPageModel> PageAsync(EngineFactory engine, TestTenant tenant, string reference) =>
        (await InboxPeople.Queries(engine).LoadAsync(tenant.Id, reference, CancellationToken.None))!;

    public static async Task<StoredRequest> RequestAsync(EngineFactory engine, TestTenant tenant, string reference) =>
        (await engine.Services.GetRequiredService<RequestStore>().FindAsync(tenant.Id, reference, CancellationToken.None))!;

    // The messages as the panel lists them once `done` holds, polled with a deadline (delivery runs on its own loop).
    public static async Task<IReadOnlyList<MessageView>> MessagesWhenAsync(
        ConversationActions reader, string reference, Func<IReadOnlyList<MessageView>, bool> done, string what)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var (_, messages) = await reader.ReadAsync(reference, CancellationToken.None);
            if (done(messages))
                return messages;
            if (watch.Elapsed > TimeSpan.FromSeconds(30))
                Assert.Fail($"Waited 30 s for {what}; the messages are: " +
                    string.Join(", ", messages.Select(m => $"{m.Purpose} {m.Delivery}")));
            await Task.Delay(100);
        }
    }
}
