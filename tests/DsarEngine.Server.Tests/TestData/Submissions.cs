using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bogus;

namespace DsarEngine.Server.Tests.TestData;

// Valid submission bodies (seeded Bogus), as JSON a third party would send.
internal static class Submissions
{
    private static readonly Faker Faker = new("fr") { Random = new Randomizer(2025) };

    public static JsonObject Valid(string tenant, string right = "access") => new()
    {
        ["tenant"] = tenant,
        ["right"] = right,
        ["subject"] = new JsonObject
        {
            ["email"] = UniqueEmail(Faker.Internet.UserName().ToLowerInvariant()),
            ["name"] = $"{Faker.Name.FirstName()} Ørsted-Müller",
            ["identities"] = new JsonArray(
                new JsonObject { ["type"] = "customer-id", ["value"] = $"C-{Faker.Random.Number(10000, 99999)}" }),
        },
        ["details"] = "Je souhaite une copie de mes données.",
        ["jurisdiction"] = "FR",
        ["language"] = "fr",
    };

    // Every test's subject has an address of its own: the mail catcher holds the mail of every run and every test,
    // and a test reads only what was sent to its subject.
    public static string UniqueEmail(string name = "subject")
    {
        var local = new string(name.Where(c => c is >= 'a' and <= 'z' or >= '0' and <= '9').Take(20).ToArray());
        return $"{(local.Length > 0 ? local : "subject")}.{Guid.NewGuid():N}@example.org";
    }

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    public static HttpRequestMessage Post(JsonNode body, string? idempotencyKey = null, string path = "/api/v1/requests")
    {
        var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        if (idempotencyKey is not null)
            message.Headers.Add("Idempotency-Key", idempotencyKey);
        return message;
    }

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static MediaTypeHeaderValue? ContentType(this HttpResponseMessage response) => response.Content.Headers.ContentType;

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}
