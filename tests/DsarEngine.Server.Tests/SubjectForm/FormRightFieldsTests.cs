using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.SubjectForm;

// The fields of the rights issue 15 added to the form: the ground of a restriction (GDPR Art. 18(1)), the review of an
// automated decision (Art. 22(3)), structured post-mortem instructions and the heirs' request (LIL art. 85), and AI
// training as a purpose. Each reaches the request as the API would store it; each mistake comes back linked to its field
// with nothing stored.
public sealed class FormRightFieldsTests : FormTestBase
{
    private static string Reference(FormClient.Page page) => page.Document.QuerySelector("#reference")!.TextContent.Trim();

    [Test]
    public async Task The_default_form_offers_every_right_but_an_appeal_each_with_its_own_section()
    {
        var tenant = await TenantAsync();
        var page = await NewClient().GetAsync($"/form/{tenant.Slug}");
        var offered = page.Document.QuerySelectorAll("input[name=right]").Select(i => i.GetAttribute("value")).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(offered, Does.Contain("automated-decision-review").And.Not.Contain("appeal"));
            foreach (var right in new[] { "restriction", "automated-decision-review", "post-mortem-instructions" })
                Assert.That(page.Document.QuerySelector($"fieldset[data-for-right='{right}'] legend"), Is.Not.Null, right);
            Assert.That(page.Document.QuerySelector("#objection-purpose-ai-training + label")?.TextContent,
                Is.EqualTo("Training artificial intelligence models with my data"));
            Assert.That(page.Document.QuerySelector("#adr-contest")?.HasAttribute("checked"), Is.True, "contested unless unticked");
        }
    }

    [Test]
    public async Task A_restriction_s_ground_a_decision_to_review_an_ai_training_objection_and_a_statement_reach_the_request()
    {
        var tenant = await TenantAsync();
        var client = NewClient();
        var restriction = await FillAndSendAsync(client, tenant, [("right", "restriction"), ("email", "r@example.org"),
            ("restriction-ground", "accuracy-contested"), ("details", "My address is wrong.")]);
        var review = await FillAndSendAsync(client, tenant, [("right", "automated-decision-review"), ("email", "a@example.org"),
            ("adr-decision", "Loan 1234 refused on 2 March"), ("adr-view", "My income was read wrongly."),
            ("restriction-ground", "objection-pending")]);
        var objection = await FillAndSendAsync(client, tenant, [("right", "objection"), ("email", "o@example.org"),
            ("objection-purpose", "ai-training"), ("statement", "stray")]);
        var statement = await FillAndSendAsync(client, tenant, [("right", "rectification"), ("email", "s@example.org"),
            ("statement", "The debt was settled in 2024.")]);
        var staff = tenant.Staff(Engine, "agent");
        var reviewed = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{Reference(review)}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Rows.ScalarAsync<string>(Engine, "SELECT restriction_ground FROM requests WHERE reference = @r",
                new { r = Reference(restriction) }), Is.EqualTo("accuracy-contested"));
            // The box was not ticked in this post: the subject does not contest; another right's ground does not travel.
            Assert.That((string?)reviewed!["details"], Is.EqualTo(
                "Decision to review: Loan 1234 refused on 2 March\nContested by the subject: no\n" +
                "Point of view: My income was read wrongly."));
            Assert.That(await Rows.ScalarAsync<string?>(Engine, "SELECT restriction_ground FROM requests WHERE reference = @r",
                new { r = Reference(review) }), Is.Null);
            Assert.That(await Rows.ScalarAsync<string>(Engine, "SELECT purpose FROM requests WHERE reference = @r",
                new { r = Reference(objection) }), Is.EqualTo("ai-training"));
            // GDPR Art. 16: a statement alone is a rectification; another right's stray statement does not travel.
            Assert.That(await Rows.ScalarAsync<string>(Engine, "SELECT supplementary_statement FROM requests WHERE reference = @r",
                new { r = Reference(statement) }), Is.EqualTo("The debt was settled in 2024."));
            Assert.That(await Rows.ScalarAsync<string?>(Engine, "SELECT supplementary_statement FROM requests WHERE reference = @r",
                new { r = Reference(objection) }), Is.Null);
        }
    }

    [Test]
    public async Task Post_mortem_instructions_and_the_heirs_request_are_stored_as_structured_fields()
    {
        var tenant = await TenantAsync();
        var client = NewClient();
        var instructions = await FillAndSendAsync(client, tenant, [("right", "post-mortem-instructions"), ("email", "p@example.org"),
            ("post-mortem-kind", "instructions"), ("post-mortem-action", "communicate"), ("post-mortem-scope", "photos\nmessages\n"),
            ("designee-name", "Claire Martin"), ("designee-email", "claire@example.org"), ("died-on", "2020-01-15")]);
        var heir = await FillAndSendAsync(client, tenant, [("right", "post-mortem-instructions"), ("email", "p@example.org"),
            ("name", "Paul Martin"), ("post-mortem-kind", "after-death"), ("post-mortem-action", "erase"),
            ("died-on", "2020-01-15"), ("acting", "yes"), ("representative-relationship", "heir"),
            ("representative-name", "Léa Martin"), ("representative-email", "lea@example.org")],
            [("proof", "death.pdf", "application/pdf", UploadCheckTests.Pdf)]);
        const string Sql = "SELECT kind, coalesce(action, ''), array_to_string(scope, ','), coalesce(designee_name, ''), " +
            "coalesce(designee_email, ''), coalesce(died_on::text, '') FROM post_mortem_instructions p " +
            "JOIN requests r ON r.id = p.request_id WHERE r.reference = @r";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(instructions.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            // Only the kind's own fields travel: the stray date of death stays on the page.
            Assert.That(await Rows.SingleAsync<(string, string, string, string, string, string)>(Engine, Sql,
                new { r = Reference(instructions) }),
                Is.EqualTo(("instructions", "communicate", "photos,messages", "Claire Martin", "claire@example.org", "")));
            Assert.That(await Rows.SingleAsync<(string, string, string, string, string, string)>(Engine, Sql, new { r = Reference(heir) }),
                Is.EqualTo(("after-death", "", "", "", "", "2020-01-15")));
            Assert.That(await Rows.ScalarAsync<string>(Engine, "SELECT relationship FROM request_representatives rr " +
                "JOIN requests r ON r.id = rr.request_id WHERE r.reference = @r", new { r = Reference(heir) }), Is.EqualTo("heir"));
        }
    }

    [TestCase("automated-decision-review", "", "#adr-decision", "Say which decision to review")]
    [TestCase("automated-decision-review", "adr-decision=Loan refused", "#adr-view", "Write your point of view")]
    [TestCase("post-mortem-instructions", "", "#post-mortem-kind-instructions", "Choose what you want to do.")]
    [TestCase("post-mortem-instructions", "post-mortem-kind=instructions", "#post-mortem-action-erase", "choose what should happen")]
    [TestCase("post-mortem-instructions", "post-mortem-kind=after-death;died-on=2999-01-01", "#died-on", "not in the future")]
    [TestCase("post-mortem-instructions", "post-mortem-kind=after-death;died-on=2020-01-15", "#representative-relationship-parent",
        "choose designee or heir")]
    [TestCase("access", "acting=yes;representative-relationship=heir;representative-name=Léa;representative-email=lea@example.org",
        "#representative-relationship-parent", "acts only after a death")]
    [TestCase("restriction", "restriction-ground=because", "#restriction-ground-accuracy-contested", "Choose one of the reasons")]
    public async Task A_mistake_in_a_right_s_own_fields_is_linked_to_its_field_and_nothing_is_stored(string right, string extra,
        string link, string message)
    {
        var tenant = await TenantAsync();
        var fields = new List<(string, string)> { ("right", right), ("email", "m@example.org"), ("details", "See above.") };
        fields.AddRange(extra.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).Select(p => (p[0], p[1])));
        var page = await FillAndSendAsync(NewClient(), tenant, fields, extra.Contains("acting=yes")
            ? [("proof", "proof.pdf", "application/pdf", UploadCheckTests.Pdf)] : null);
        var links = page.Document.QuerySelectorAll(".error-summary a").ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(links.Select(a => a.GetAttribute("href")), Does.Contain(link));
            Assert.That(links.Single(a => a.GetAttribute("href") == link).TextContent, Does.Contain(message));
            Assert.That(page.Document.QuerySelector(link)?.GetAttribute("aria-invalid"), Is.EqualTo("true"));
            Assert.That(await StoredAsync(tenant), Is.Zero);
        }
    }
}
