using System.Net;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.SubjectForm;

// The public form's share of issue 15: the portability section names a controller to send the data to directly (GDPR
// Art. 20(2)); the objection section offers profiling for direct marketing (Art. 21(2)).
public sealed class FormTransmissionTests : FormTestBase
{
    private static string Reference(FormClient.Page page) => page.Document.QuerySelector("#reference")!.TextContent.Trim();

    [Test]
    public async Task The_receiving_controller_and_the_marketing_profiling_purpose_reach_the_request()
    {
        var tenant = await TenantAsync();
        var client = NewClient();
        var form = await client.GetAsync($"/form/{tenant.Slug}");
        var portability = await FillAndSendAsync(client, tenant, [("right", "portability"), ("email", "p@example.org"),
            ("transmit-controller", "Next Bank SA"), ("transmit-email", "dpo@nextbank.example")]);
        var access = await FillAndSendAsync(client, tenant, [.. Access("a@example.org"), ("transmit-controller", "Stray Ltd"),
            ("transmit-email", "stray@example.org")]);
        var objection = await FillAndSendAsync(client, tenant, [("right", "objection"), ("email", "o@example.org"),
            ("objection-purpose", "direct-marketing-profiling")]);
        Task<string> Stored(FormClient.Page page, string column) => Rows.SingleAsync<string>(Engine,
            $"SELECT coalesce({column}, '') FROM requests WHERE reference = @r", new { r = Reference(page) });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(form.Document.QuerySelector("#transmit-email")?.GetAttribute("type"), Is.EqualTo("email"));
            Assert.That(form.Document.QuerySelector("label[for=transmit-controller]")?.TextContent,
                Does.Contain("Name of the organisation"));
            Assert.That(form.Document.QuerySelectorAll("#objection-purpose-direct-marketing-profiling"), Has.Length.EqualTo(1));
            Assert.That(await Stored(portability, "transmit_to::text"),
                Is.EqualTo("""{"email": "dpo@nextbank.example", "controller": "Next Bank SA"}"""));
            Assert.That(await Stored(access, "transmit_to::text"), Is.Empty, "another right's section does not travel");
            Assert.That(await Stored(objection, "purpose"), Is.EqualTo("direct-marketing-profiling"));
        }
    }

    [Test]
    public async Task A_receiving_controller_without_a_valid_address_comes_back_on_its_field_and_nothing_is_stored()
    {
        var tenant = await TenantAsync();
        var page = await FillAndSendAsync(NewClient(), tenant, [("right", "portability"), ("email", "p@example.org"),
            ("transmit-controller", "Next Bank SA"), ("transmit-email", "not-an-address")]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(page.Document.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")),
                Does.Contain("#transmit-email"));
            Assert.That(page.Document.QuerySelector("#transmit-email")?.GetAttribute("aria-invalid"), Is.EqualTo("true"));
            Assert.That(page.Document.QuerySelector("#transmit-controller")?.GetAttribute("value"), Is.EqualTo("Next Bank SA"));
            Assert.That(await StoredAsync(tenant), Is.Zero);
        }
    }
}
