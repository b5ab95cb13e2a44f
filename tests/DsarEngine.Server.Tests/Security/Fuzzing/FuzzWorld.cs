using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using DsarEngine.Server.Packs;
using DsarEngine.Server.SubjectForm;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Security.Fuzzing;

// A subject's request as the harness needs it: its status token, and its identity challenge with the link's token and the
// code the e-mail would carry (derived with the engine's own key, as the mail renderer does).
internal sealed record FuzzSubject(string Reference, Guid Id, string StatusToken, Guid Challenge, string LinkToken, string Code);

// Everything real the hostile inputs start from: one organisation, subjects with requests in the states the doors need, the
// pages' own forms, a registered HTTP connector with its secret, an OpenDSR controller's token, and expired links signed
// with the server's key.
internal sealed class FuzzWorld
{
    public const string OpenDsrToken = "fuzz-opendsr-controller-token-0123456789";
    public const string ConnectorName = "fuzz-saas";
    public const string SecretRef = "fuzz-secret";
    public static readonly byte[] Secret = Encoding.UTF8.GetBytes("fuzz-only-secret-of-the-http-connector-0123456789");

    public required EngineFactory Engine { get; init; }
    public required TestTenant Tenant { get; init; }
    public required FuzzSubject Waiting { get; init; }   // awaiting identity: the portal and identity doors
    public required FuzzSubject Proven { get; init; }    // proved with its link: that link and code replayed
    public required FuzzSubject Leaving { get; init; }   // its portal's withdrawal form
    public required HtmlForm Form { get; init; }
    public required string ExpiredFormToken { get; init; }
    public required Func<string> FreshFormToken { get; init; }
    public required IReadOnlyList<HtmlForm> WaitingForms { get; init; }
    public required IReadOnlyList<HtmlForm> LeavingForms { get; init; }
    public required IReadOnlyList<string> PackQueries { get; init; }
    public required IReadOnlyList<string> TransmissionQueries { get; init; }
    public required IReadOnlyList<HttpClient> Clients { get; init; } // 0 anonymous, 1 Waiting's portal session, 2 Leaving's

    public static string ControllerTokenHash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(OpenDsrToken)));

    public static async Task<FuzzWorld> BuildAsync(EngineFactory engine, string slug)
    {
        var tenant = await TestTenant.CreateAsync(engine, ["https://shop.example"], slug: slug);
        var anonymous = engine.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var (waiting, proven, leaving) = (await SubmitAsync(engine, tenant), await SubmitAsync(engine, tenant),
            await SubmitAsync(engine, tenant));
        var proved = await anonymous.PostAsJsonAsync($"/api/v1/requests/{proven.Reference}/identity",
            new { challenge = proven.Challenge, token = proven.LinkToken });
        Assert.That(proved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await proved.Content.ReadAsStringAsync());
        await RegisterConnectorAsync(engine, tenant);
        var (waitingClient, waitingForms) = await PortalAsync(engine, waiting, "", "/identity");
        var (leavingClient, leavingForms) = await PortalAsync(engine, leaving, "/withdraw");
        var formPage = await new HtmlParser().ParseDocumentAsync(await anonymous.GetStringAsync($"/form/{slug}"));
        var now = TimeProvider.System.GetUtcNow();
        var links = engine.Services.GetRequiredService<PackLinks>();
        return new FuzzWorld
        {
            Engine = engine, Tenant = tenant, Waiting = waiting, Proven = proven, Leaving = leaving,
            Form = Filled(HtmlForm.All(formPage).Single(f => f.Action.Contains($"/form/{slug}", StringComparison.Ordinal))),
            FreshFormToken = () => engine.Services.GetRequiredService<FormToken>().Issue(slug, TimeProvider.System.GetUtcNow()),
            ExpiredFormToken = engine.Services.GetRequiredService<FormToken>().Issue(slug, now.AddDays(-3)),
            WaitingForms = waitingForms, LeavingForms = leavingForms,
            // Signed by the server's key: expired a minute ago, and one still valid for a request that has no answer yet.
            PackQueries = [Query(links.Url(waiting.Id, waiting.Reference, now.AddMinutes(-1))),
                Query(links.Url(waiting.Id, waiting.Reference, now.AddDays(5))),
                Query(links.Url(proven.Id, waiting.Reference, now.AddDays(5)))],
            TransmissionQueries = [Query(links.TransmissionUrl(waiting.Id, waiting.Reference, now.AddMinutes(-1))),
                Query(links.TransmissionUrl(waiting.Id, waiting.Reference, now.AddDays(5)))],
            Clients = [anonymous, waitingClient, leavingClient],
        };
    }

    // The form as a person completes it: an access request with an address, a name and a few words.
    private static HtmlForm Filled(HtmlForm form)
    {
        var typed = new Dictionary<string, string>
        {
            ["right"] = "access", ["email"] = Submissions.UniqueEmail("form"), ["name"] = "Ada Fuzz", ["details"] = "A copy, please.",
        };
        return form with { Fields = [.. form.Fields.Where(f => !typed.ContainsKey(f.Name)), .. typed.Select(t => (t.Key, t.Value))] };
    }

    private static string Query(string url) => new Uri(url).Query.TrimStart('?');

    private static async Task<FuzzSubject> SubmitAsync(EngineFactory engine, TestTenant tenant)
    {
        var response = await engine.CreateClient().SendAsync(Submissions.Post(Submissions.Valid(tenant.Slug)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var accepted = await response.ReadObjectAsync();
        var reference = (string)accepted["reference"]!;
        var id = await Rows.ScalarAsync<Guid>(engine, "SELECT id FROM requests WHERE reference = @reference", new { reference });
        var challenge = await ChallengeAsync(engine, id);
        var tokens = engine.Services.GetRequiredService<SecretTokens>();
        return new FuzzSubject(reference, id, (string)accepted["statusToken"]!, challenge,
            tokens.Derive(Identity.IdentityChallenges.TokenPurpose, challenge), Identity.IdentityChallenges.Code(tokens, challenge));
    }

    // The workflow's identity step creates the challenge on its own loop: polled, with a bound.
    private static async Task<Guid> ChallengeAsync(EngineFactory engine, Guid requestId)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var found = await Rows.ScalarAsync<Guid?>(engine,
                "SELECT id FROM identity_challenges WHERE request_id = @requestId ORDER BY created_at DESC LIMIT 1", new { requestId });
            if (found is { } id)
                return id;
            if (watch.Elapsed > TimeSpan.FromSeconds(30))
                Assert.Fail("The identity step created no challenge within 30 s.");
            await Task.Delay(100);
        }
    }

    // An HTTP connector in callback mode, its secret provisioned for this organisation and bound to its endpoint (where nothing
    // listens: the harness only posts its callbacks).
    private static async Task RegisterConnectorAsync(EngineFactory engine, TestTenant tenant)
    {
        var endpoint = new Uri($"http://127.0.0.1:{SmtpSink.FreePort()}/dsar");
        engine.Settings.ProvisionSecret(tenant.Slug, SecretRef, Encoding.UTF8.GetString(Secret), endpoint);
        await RequestDriver.RegisterAsync(tenant.Staff(engine, "admin"), ConnectorName, new
        {
            kind = "http", displayName = "Fuzz SaaS", actions = new[] { "export", "erase" },
            http = new { endpoint = endpoint.ToString(), secretRef = SecretRef, resultMode = "callback" },
        });
    }

    // The subject's browser on the portal: entered by the status link, then the forms of the pages it will post.
    private static async Task<(HttpClient, IReadOnlyList<HtmlForm>)> PortalAsync(EngineFactory engine, FuzzSubject subject,
        params string[] pages)
    {
        var client = engine.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var entered = await client.GetAsync($"/portal/{subject.Reference}?token={Uri.EscapeDataString(subject.StatusToken)}");
        Assert.That(entered.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther), await entered.Content.ReadAsStringAsync());
        var forms = new List<HtmlForm>();
        foreach (var page in pages)
        {
            var html = await client.GetStringAsync($"/portal/{subject.Reference}{page}");
            forms.AddRange(HtmlForm.All(await new HtmlParser().ParseDocumentAsync(html)));
        }
        Assert.That(forms, Is.Not.Empty, "the portal served no form to post");
        return (client, forms);
    }

    public JsonObject ValidSubmission() => Submissions.Valid(Tenant.Slug);

    public JsonObject ValidCallback(Guid taskId) => new()
    {
        ["task"] = new JsonObject
        {
            ["requestId"] = Waiting.Id, ["taskId"] = taskId, ["tenant"] = Tenant.Slug, ["connector"] = ConnectorName, ["right"] = "access",
            ["idempotencyKey"] = $"{taskId:N}", ["attempt"] = 1,
        },
        ["outcome"] = "done", ["summary"] = "Exported.",
        ["export"] = new JsonObject
        {
            ["connector"] = ConnectorName, ["system"] = "Fuzz",
            ["categories"] = new JsonArray(new JsonObject
            {
                ["category"] = "profile", ["records"] = new JsonArray(new JsonObject { ["name"] = "Ada", ["note"] = "x" }),
            }),
        },
    };

    public static JsonObject ValidOpenDsr() => new()
    {
        ["subject_request_id"] = Guid.NewGuid().ToString("D"), ["subject_request_type"] = "erasure",
        ["submitted_time"] = "2026-11-20T10:00:00Z",
        ["subject_identities"] = new JsonArray(new JsonObject
        {
            ["identity_type"] = "email", ["identity_value"] = Submissions.UniqueEmail("opendsr"), ["identity_format"] = "raw",
        }),
        ["api_version"] = "2.0", ["status_callback_urls"] = new JsonArray(),
    };
}
