using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DsarEngine.Connectors;

namespace DsarEngine.Server.Tests.Security.Fuzzing;

// Every public door of the engine (docs/testing.md#hostile-input lists them), each with how to make a hostile input for it
// from a real valid one. Weights say how often each door is chosen.
internal static class FuzzTargets
{
    private sealed record Target(string Endpoint, bool Html, int Weight, Func<FuzzWorld, Random, (HttpRequestMessage, string, int)> Make);

    private static readonly Target[] All =
    [
        new("POST /api/v1/requests", false, 16, Intake),
        new("GET /api/v1/requests/{reference}", false, 4, Status),
        new("GET /api/v1/requests/{reference}/identity", true, 3, IdentityPage),
        new("POST /api/v1/requests/{reference}/identity", true, 8, IdentityPost),
        new("POST|GET /api/v1/requests/{reference}/pack", false, 6, Pack),
        new("POST|GET /api/v1/requests/{reference}/transmission", false, 3, Transmission),
        new("GET /form/{tenant}", true, 3, FormPage),
        new("POST /form/{tenant}", true, 12, FormPost),
        new("GET /portal/{reference}/…", true, 6, PortalGet),
        new("POST /portal/{reference}/…", true, 13, PortalPost),
        new("POST /api/v1/connectors/http/{tenant}/{connector}/tasks/{taskId}/result", false, 9, HttpCallback),
        new("/opendsr/v1/…", false, 10, OpenDsr),
        new("GET /api/v1/contract-bundles/{id}", false, 2, Bundle),
        new("GET health, OpenAPI, /, /embed.js", false, 2, Platform),
        new("anonymous inbox doors (passkey options, single sign-on)", true, 3, InboxDoors),
    ];

    public static IReadOnlyList<string> Endpoints => [.. All.Select(t => t.Endpoint)];

    // Inputs that .NET's own HTTP client refuses to build (a blank file name, a header it cannot encode) are drawn again: the
    // engine never sees them. How many were is returned, so that a generator broken this way shows.
    public static async Task<(List<FuzzCase> Cases, int Unbuildable)> GenerateAsync(FuzzWorld world, Random random, int count)
    {
        var total = All.Sum(t => t.Weight);
        var keys = world.Tenant.Keys.Values.ToList();
        var cases = new List<FuzzCase>(count);
        var unbuildable = 0;
        while (cases.Count < count)
        {
            var roll = random.Next(total);
            var target = All.First(t => (roll -= t.Weight) < 0);
            try
            {
                var (message, mutation, client) = target.Make(world, random);
                // The test server refuses a path holding %00 before the engine sees it (Kestrel answers 400 itself).
                if (message.RequestUri!.OriginalString.Split('?')[0].Contains("%00", StringComparison.Ordinal))
                    throw new ArgumentException("a NUL in the path");
                // One input in four also abuses the headers.
                if (random.Next(4) == 0 && HeaderAbuse.Apply(message, random, keys) is { Length: > 0 } abuse)
                    mutation = $"{mutation}; {abuse}";
                cases.Add(await FuzzCase.FreezeAsync(cases.Count, target.Endpoint, target.Html, mutation, message, client));
            }
            catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException or InvalidOperationException)
            {
                unbuildable++;
            }
        }
        return (cases, unbuildable);
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Escape(string value)
    {
        try { return Uri.EscapeDataString(value); }
        catch (UriFormatException) { return "%ED%A0%80"; }
    }

    private static ByteArrayContent JsonContent(byte[] body) =>
        new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };

    // A reference: a real one (of this or another request), a well-formed stranger, or anything at all.
    private static string Reference(FuzzWorld world, Random random) => random.Next(8) switch
    {
        0 or 1 or 2 => world.Waiting.Reference,
        3 => world.Proven.Reference,
        4 => "DSR-2026-" + HostileText.PrintableAscii(random, 6).ToUpperInvariant(),
        5 => world.Waiting.Reference.ToLowerInvariant() + Pick(random, new[] { "", "/", "%00", "%2e%2e", "/../x" }),
        _ => Escape(HostileText.Pick(random)),
    };

    // A token: the real one of another request, a replay, a forgery of the right shape, or junk.
    private static string Token(FuzzWorld world, Random random) => random.Next(7) switch
    {
        0 => world.Proven.StatusToken,
        1 => world.Proven.LinkToken,
        2 => world.Waiting.StatusToken[..^1] + (world.Waiting.StatusToken[^1] == 'A' ? 'B' : 'A'),
        3 => Convert.ToBase64String(Encoding.UTF8.GetBytes(HostileText.PrintableAscii(random, 32))).TrimEnd('='),
        4 => "",
        _ => Escape(HostileText.Pick(random)),
    };

    private static (HttpRequestMessage, string, int) Intake(FuzzWorld world, Random random)
    {
        var (body, mutation) = JsonMutator.Mutate(world.ValidSubmission(), random);
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests") { Content = JsonContent(body) };
        if (random.Next(3) == 0)
            message.Headers.TryAddWithoutValidation("Idempotency-Key", $"fuzz-{random.Next(50)}");
        return (message, mutation, 0);
    }

    private static (HttpRequestMessage, string, int) Status(FuzzWorld world, Random random)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/requests/{Reference(world, random)}" +
            (random.Next(4) == 0 ? "" : $"?token={Escape(Token(world, random))}&token={Escape(Token(world, random))}"));
        if (random.Next(3) == 0)
            message.Headers.TryAddWithoutValidation("X-Status-Token", HostileText.PrintableAscii(random, random.Next(1, 100)));
        return (message, "forged, replayed or junk token and reference", 0);
    }

    private static (HttpRequestMessage, string, int) IdentityPage(FuzzWorld world, Random random)
    {
        var challenge = random.Next(3) == 0 ? Escape(HostileText.Pick(random)) : world.Waiting.Challenge.ToString();
        var query = random.Next(5) == 0 ? "" : $"?challenge={challenge}&token={Escape(Token(world, random))}";
        return (new HttpRequestMessage(HttpMethod.Get, $"/api/v1/requests/{Reference(world, random)}/identity{query}"),
            "link page with a forged or junk challenge", 0);
    }

    private static (HttpRequestMessage, string, int) IdentityPost(FuzzWorld world, Random random)
    {
        var subject = random.Next(3) == 0 ? world.Proven : world.Waiting;
        var reference = random.Next(6) == 0 ? Reference(world, random) : subject.Reference;
        var path = $"/api/v1/requests/{reference}/identity";
        // The proven subject's real link and code, replayed; the waiting subject's with a wrong code or a forged token.
        var valid = new JsonObject { ["challenge"] = subject.Challenge };
        if (random.Next(2) == 0)
            valid["code"] = subject == world.Proven ? subject.Code : (random.Next(1_000_000)).ToString("D6", CultureInfo.InvariantCulture);
        else
            valid["token"] = subject == world.Proven ? subject.LinkToken : Token(world, random);
        if (random.Next(4) == 0)
        {
            var fields = valid.Select(p => (p.Key, p.Value?.ToString() ?? "")).ToList();
            var (form, what) = FormMutator.Mutate(new HtmlForm(path, fields), random, ["challenge", "token", "code"]);
            return (new HttpRequestMessage(HttpMethod.Post, path) { Content = form }, $"as a form: {what}", 0);
        }
        var (body, mutation) = JsonMutator.Mutate(valid, random);
        return (new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent(body) }, mutation, 0);
    }

    private static string PackQuery(IReadOnlyList<string> signed, Random random) => random.Next(6) switch
    {
        0 => "",
        1 => "expires=-1&token=x",
        2 => $"expires={HostileText.Pick(random).Length}{random.Next()}&token={Escape(HostileText.Pick(random))}",
        3 => "expires=99999999999999999999999&token=" + HostileText.PrintableAscii(random, 43),
        _ => Pick(random, signed),
    } + random.Next(4) switch
    {
        0 => $"&codeId={Guid.NewGuid()}&code={random.Next(1_000_000):D6}",
        1 => $"&codeId={Escape(HostileText.Pick(random))}&code={Escape(HostileText.Pick(random))}",
        2 => $"&part={Escape(Pick(random, new[] { "letter", "copy", "archive", "../letter", HostileText.Pick(random) }))}",
        _ => "",
    };

    private static (HttpRequestMessage, string, int) Pack(FuzzWorld world, Random random) =>
        Linked(world, random, "pack", world.PackQueries);

    private static (HttpRequestMessage, string, int) Transmission(FuzzWorld world, Random random) =>
        Linked(world, random, "transmission", world.TransmissionQueries);

    private static (HttpRequestMessage, string, int) Linked(FuzzWorld world, Random random, string door, IReadOnlyList<string> signed)
    {
        var reference = random.Next(3) == 0 ? Reference(world, random) : world.Waiting.Reference;
        var query = PackQuery(signed, random);
        var message = random.Next(2) == 0
            ? new HttpRequestMessage(HttpMethod.Post, $"/api/v1/requests/{reference}/{door}/code?{query}")
            {
                Content = random.Next(2) == 0 ? null : JsonContent(JsonMutator.Mutate(new JsonObject(), random).Body),
            }
            : new HttpRequestMessage(HttpMethod.Get, $"/api/v1/requests/{reference}/{door}?{query}");
        return (message, "expired, forged or junk link and code", 0);
    }

    private static (HttpRequestMessage, string, int) FormPage(FuzzWorld world, Random random)
    {
        var tenant = random.Next(4) == 0 ? Escape(HostileText.Pick(random)) : world.Tenant.Slug;
        var query = $"?lang={Escape(HostileText.Pick(random))}&embed={Pick(random, new[] { "1", "0", "x" })}" +
            $"&parent={Escape(Pick(random, new[] { "https://shop.example", "https://evil.example", HostileText.Pick(random) }))}";
        return (new HttpRequestMessage(HttpMethod.Get, $"/form/{tenant}{query}"), "junk language, embedding and parent", 0);
    }

    private static (HttpRequestMessage, string, int) FormPost(FuzzWorld world, Random random)
    {
        var fields = world.Form.Fields.Where(f => f.Name != "token").Append((Name: "token", Value: world.FreshFormToken())).ToList();
        var note = "";
        if (random.Next(6) == 0)
        {
            fields.RemoveAll(f => f.Name == "token");
            fields.Add(("token", random.Next(2) == 0 ? world.ExpiredFormToken : HostileText.PrintableAscii(random, 120)));
            note = "expired or forged token; ";
        }
        var (content, mutation) = FormMutator.Mutate(world.Form with { Fields = fields }, random,
            ["name", "email", "details", "right", "representative-name", "website", "identity-customer-id", "statement", "acting"]);
        var path = random.Next(8) == 0 ? $"/form/{Escape(HostileText.Pick(random))}" : world.Form.Action;
        return (new HttpRequestMessage(HttpMethod.Post, path) { Content = content }, note + mutation, 0);
    }

    private static readonly string[] PortalPages = ["", "/identity", "/answer", "/withdraw", "/answer/letter", "/answer/copy", "/answer/x"];

    private static (HttpRequestMessage, string, int) PortalGet(FuzzWorld world, Random random)
    {
        var client = random.Next(3);
        var reference = client == 2 ? world.Leaving.Reference : random.Next(3) == 0 ? Reference(world, random) : world.Waiting.Reference;
        var query = random.Next(3) switch
        {
            0 => $"?token={Escape(Token(world, random))}",
            1 => $"?done={Escape(HostileText.Pick(random))}",
            _ => "",
        };
        return (new HttpRequestMessage(HttpMethod.Get, $"/portal/{reference}{Pick(random, PortalPages)}{query}"),
            client == 0 ? "no session, forged or replayed token" : "in a session, junk query", client);
    }

    private static readonly string[] PortalActions = ["/reply", "/identity", "/answer/code", "/answer", "/withdraw", "/appeal"];

    private static (HttpRequestMessage, string, int) PortalPost(FuzzWorld world, Random random)
    {
        // The session's own forms with its antiforgery token; the same posted without the session or to another request.
        var client = random.Next(4) switch { 0 => 0, 1 => 2, _ => 1 };
        var forms = client == 2 ? world.LeavingForms : world.WaitingForms;
        var form = Pick(random, forms);
        var action = random.Next(4) == 0
            ? $"/portal/{(client == 2 ? world.Leaving : world.Waiting).Reference}{Pick(random, PortalActions)}"
            : form.Action;
        if (random.Next(10) == 0)
            action = $"/portal/{Reference(world, random)}{Pick(random, PortalActions)}";
        var (content, mutation) = FormMutator.Mutate(form, random, ["message", "code", "reason", "confirm", "documents"]);
        return (new HttpRequestMessage(HttpMethod.Post, action) { Content = content },
            (client == 0 ? "without the session: " : "") + mutation, client);
    }

    private static (HttpRequestMessage, string, int) HttpCallback(FuzzWorld world, Random random)
    {
        var taskId = Guid.NewGuid();
        var (body, mutation) = JsonMutator.Mutate(world.ValidCallback(taskId), random);
        var tenant = random.Next(6) == 0 ? Escape(HostileText.Pick(random)) : world.Tenant.Slug;
        var connector = random.Next(6) == 0 ? Escape(HostileText.Pick(random)) : FuzzWorld.ConnectorName;
        var message = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/connectors/http/{tenant}/{connector}/tasks/{taskId}/result")
        {
            Content = JsonContent(body),
        };
        var now = TimeProvider.System.GetUtcNow();
        var (signature, how) = random.Next(6) switch
        {
            0 => ("", "unsigned"),
            1 => (HttpTaskSignature.Sign(FuzzWorld.Secret, now.AddHours(-1), body), "signed an hour ago"),
            2 => (HttpTaskSignature.Sign(Encoding.UTF8.GetBytes("another-secret-another-secret-0123456789"), now, body), "wrong key"),
            3 => ($"t={now.ToUnixTimeSeconds()},v1={HostileText.PrintableAscii(random, 64)}", "forged signature"),
            _ => (HttpTaskSignature.Sign(FuzzWorld.Secret, now, body), "signed"),
        };
        if (signature.Length > 0)
            message.Headers.TryAddWithoutValidation(HttpTaskSignature.Header, signature);
        return (message, $"{how}: {mutation}", 0);
    }

    private static (HttpRequestMessage, string, int) OpenDsr(FuzzWorld world, Random random)
    {
        var id = random.Next(3) == 0 ? Escape(HostileText.Pick(random)) : Guid.NewGuid().ToString();
        HttpRequestMessage message;
        string mutation;
        switch (random.Next(8))
        {
            case 0:
                message = new(HttpMethod.Get, Pick(random, new[] { "/opendsr/v1/discovery", "/opendsr/v1/certificate.pem" }));
                mutation = "public documents";
                break;
            case 1:
                message = new(HttpMethod.Get, $"/opendsr/v1/requests/{id}");
                mutation = "status";
                break;
            case 2:
                message = new(HttpMethod.Delete, $"/opendsr/v1/requests/{id}");
                mutation = "cancel";
                break;
            case 3:
                message = new(HttpMethod.Get, $"/opendsr/v1/requests/{id}/results");
                mutation = "results";
                break;
            case 4:
                var (callback, what) = JsonMutator.Mutate(new JsonObject
                {
                    ["controller_id"] = "x", ["subject_request_id"] = Guid.NewGuid(), ["request_status"] = "completed",
                    ["api_version"] = "2.0",
                }, random);
                message = new(HttpMethod.Post, $"/opendsr/v1/callbacks/{(random.Next(2) == 0 ? world.Tenant.Slug : id)}/proc")
                {
                    Content = JsonContent(callback),
                };
                mutation = $"callback: {what}";
                break;
            default:
                var (body, how) = JsonMutator.Mutate(FuzzWorld.ValidOpenDsr(), random);
                message = new(HttpMethod.Post, "/opendsr/v1/requests") { Content = JsonContent(body) };
                mutation = $"request: {how}";
                break;
        }
        // The controller's real bearer token most of the time, so that bodies reach the validation behind it.
        if (random.Next(4) > 0)
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", FuzzWorld.OpenDsrToken);
        else
            message.Headers.TryAddWithoutValidation("X-Signature", HostileText.PrintableAscii(random, random.Next(1, 400)));
        return (message, mutation, 0);
    }

    private static (HttpRequestMessage, string, int) Bundle(FuzzWorld world, Random random) =>
        (new HttpRequestMessage(HttpMethod.Get,
            $"/api/v1/contract-bundles/{(random.Next(3) == 0 ? Escape(HostileText.Pick(random)) : Guid.NewGuid())}" +
            $"?token={Escape(Token(world, random))}"), "forged link", 0);

    private static (HttpRequestMessage, string, int) Platform(FuzzWorld world, Random random) =>
        (new HttpRequestMessage(HttpMethod.Get, Pick(random, new[]
        {
            "/", "/health/live", "/health/ready", "/openapi/v1.json", "/embed.js", "/subject/subject.css",
            $"/openapi/{Escape(HostileText.Pick(random))}.json",
        })), "headers only", 0);

    private static (HttpRequestMessage, string, int) InboxDoors(FuzzWorld world, Random random)
    {
        if (random.Next(2) == 0)
        {
            var (body, what) = JsonMutator.Mutate(new JsonObject { ["username"] = "someone" }, random);
            return (new HttpRequestMessage(HttpMethod.Post, "/inbox/sign-in/passkey-options") { Content = JsonContent(body) },
                what, 0);
        }
        var path = random.Next(2) == 0
            ? $"/inbox/sso/start?org={Escape(HostileText.Pick(random))}&returnUrl={Escape(Pick(random, new[]
                { "https://evil.example", "//evil.example", "/inbox", "javascript:alert(1)", HostileText.Pick(random) }))}"
            : $"/inbox/sso/{Escape(HostileText.Pick(random))}/callback?code={Escape(HostileText.Pick(random))}&state=x";
        return (new HttpRequestMessage(HttpMethod.Get, path), "single sign-on with junk", 0);
    }
}
