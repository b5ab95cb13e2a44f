using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DsarEngine.Server.Tests.TestData;

// The sample organisations of samples/organisations/ (modelled on ../shared/seeds/), set up as their admins would set
// them up: the organisation (country, time zone, language) from organisations.json, then through the staff API its
// applicable law, its role, its own answer target, its processing register and the register's translations, and a
// processor's workspaces.
// Each call makes a fresh organisation with its own slug, so tests never share one.
internal static class SampleOrganisations
{
    private static readonly Lazy<JsonObject> Manifest = new(() => Read("organisations.json").AsObject());

    public static JsonObject Describe(string key) => Manifest.Value[key]!.AsObject();

    public static JsonNode Register(string file) => Read(file);

    public static async Task<TestTenant> CreateAsync(EngineFactory engine, string key)
    {
        var sample = Describe(key);
        var tenant = await TestTenant.CreateAsync(engine, jurisdiction: (string)sample["jurisdiction"]!, name: (string)sample["name"]!,
            timeZone: (string)sample["timeZone"]!, language: (string)sample["language"]!);
        var admin = tenant.Staff(engine, "admin");
        await PutAsync(admin, "/api/v1/staff/settings/law", sample["law"]!.DeepClone());
        await PutAsync(admin, "/api/v1/staff/organisation/role", new JsonObject { ["role"] = (string)sample["role"]! });
        if (sample["triage"] is JsonObject triage)
            await PutAsync(admin, "/api/v1/staff/settings/triage", triage.DeepClone());
        if (sample["children"] is JsonObject children)
            await PutAsync(admin, "/api/v1/staff/settings/children", children.DeepClone());
        await PutAsync(admin, "/api/v1/staff/register", Register((string)sample["register"]!));
        foreach (var (language, file) in sample["translations"]!.AsObject())
            await PutAsync(admin, $"/api/v1/staff/register/{language}", Register((string)file!));
        foreach (var workspace in sample["workspaces"]!.AsArray().Select(w => w!.AsObject()))
        {
            var body = workspace.DeepClone().AsObject();
            body.Remove("key");
            await PutAsync(admin, $"/api/v1/staff/workspaces/{(string)workspace["key"]!}", body);
        }
        return tenant;
    }

    private static async Task PutAsync(HttpClient admin, string path, JsonNode body)
    {
        var response = await admin.PutAsJsonAsync(path, body);
        Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.NoContent),
            $"PUT {path}: {await response.Content.ReadAsStringAsync()}");
    }

    private static JsonNode Read(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "organisations", file)))!;
}
