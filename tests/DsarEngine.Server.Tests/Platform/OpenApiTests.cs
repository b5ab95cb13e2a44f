using System.Net;
using System.Text.Json.Nodes;

namespace DsarEngine.Server.Tests.Platform;

public sealed class OpenApiTests
{
    [Test]
    public async Task The_openapi_document_describes_the_public_and_staff_apis()
    {
        var document = JsonNode.Parse(await SharedEngine.Engine.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.That(paths,
            Is.SupersetOf(new[] { "/api/v1/requests", "/api/v1/requests/{reference}", "/api/v1/staff/requests", "/api/v1/staff/mailbox" }));
        Assert.That(document["paths"]!["/api/v1/requests"]!["post"]!["requestBody"]!["content"]!["application/json"], Is.Not.Null);
    }

    [Test]
    public async Task The_interactive_page_is_served()
    {
        var response = await SharedEngine.Engine.CreateClient().GetAsync("/api-docs/index.html");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("swagger-ui"));
    }
}
