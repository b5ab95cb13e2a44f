using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Children;

// Legal review row 51 (seed 002, AstraCRM: "children's data is deleted; parents have rights"): staff report that a subject's
// data concerns a child, which opens the organisation's own erasure (GDPR Art. 17(1)(f)): no requester, nothing to the
// child, the parent told in the request's language, one erasure per child (docs/rights.md#children).
public sealed class ChildReportTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    private static JsonObject Report(string email, string? name = null) => new()
    {
        ["subject"] = new JsonObject { ["email"] = email, ["name"] = name },
    };

    [Test]
    public async Task A_reported_child_gets_the_organisations_own_erasure_the_parent_is_told_in_russian_and_the_child_nothing()
    {
        await using var crm = await StubConnector.StartAsync($"crm-{Guid.NewGuid():N}"[..14]);
        var tenant = await SampleOrganisations.CreateAsync(Engine, "crm-vendor");
        await crm.ServeAsync(tenant.Slug);
        await RequestDriver.RegisterAsync(tenant.Staff(Engine, "admin"), crm.Name,
            new { displayName = crm.Name, actions = new[] { "erase" } });
        // A legal hold travels with the erase command of the organisation's own erasure as with any other (GDPR Art. 17(3)(b)).
        var hold = await tenant.Staff(Engine, "admin").PostAsJsonAsync("/api/v1/staff/legal-holds",
            new { category = "payments", legalBasis = "Federal Law No. 402-FZ on Accounting", systems = new[] { crm.Name } });
        Assert.That(hold.StatusCode, Is.EqualTo(HttpStatusCode.Created), await hold.Content.ReadAsStringAsync());
        var staff = tenant.Staff(Engine, "privacy-officer");
        var (child, parent) = (Submissions.UniqueEmail("masha"), Submissions.UniqueEmail("olga"));
        var body = Report(child, "Маша Петрова");
        body["birthDate"] = Today.AddYears(-12).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        body["parent"] = new JsonObject { ["name"] = "Ольга Петрова", ["email"] = parent };

        var response = await staff.PostAsJsonAsync("/api/v1/staff/children", body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var opened = await response.ReadObjectAsync();
        var reference = (string)opened["reference"]!;
        var view = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}");
        var journal = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/journal");
        var notice = await MailCatcher.WaitForAsync(parent, "child-data-erasure");

        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:assess"), "the assessment");
        var proceeded = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions",
            new { step = "assess", outcome = "proceed" });
        Assert.That(proceeded.StatusCode, Is.EqualTo(HttpStatusCode.OK), await proceeded.Content.ReadAsStringAsync());
        await RequestDriver.ApproveUntilClosedAsync(staff, reference);
        var initiative = journal!["entries"]![0]!["data"]!["initiative"]!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)opened["ageUnder"]!, Is.EqualTo(16), "the default: GDPR Art. 8(1) and the seed's 'under 16'");
            Assert.That((bool)opened["parentNotified"]!, Is.True);
            Assert.That((string)view!["right"]!, Is.EqualTo("erasure"));
            Assert.That((string)view["channel"]!, Is.EqualTo("controller"), "nobody asked: no requester to verify or write to");
            Assert.That((string)view["regime"]!, Is.EqualTo("152-fz"));
            Assert.That((string)initiative["by"]!, Is.EqualTo("organisation"));
            Assert.That((string)initiative["source"]!, Is.EqualTo("staff"));
            Assert.That(journal.ToJsonString(), Does.Not.Contain(child).And.Not.Contain(parent), "the journal holds no address");
            Assert.That(notice.Subject, Does.Contain("Мы удаляем данные Вашего ребёнка").And.Contain(reference));
            Assert.That(Flat(notice.Body),
                Does.Contain("Маша Петрова").And.Contain("младше 16 лет").And.Contain("по собственной инициативе"));
            Assert.That(crm.Received.OfType<EraseSubjectData>().Single().Keep.Select(k => k.Category), Is.EqualTo(new[] { "payments" }),
                "the CRM was told to erase, keeping what the legal hold keeps");
            Assert.That(await MailCatcher.ListAsync(child), Is.Empty, "the child is never written to");
        }
    }

    [Test]
    public async Task The_same_child_reported_twice_has_one_erasure()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var staff = tenant.Staff(Engine, "agent");
        var email = Submissions.UniqueEmail("kid");
        var first = Report(email);
        first["age"] = 11;
        var second = Report(email.ToUpperInvariant(), "Léa");
        second["birthDate"] = Today.AddYears(-11).AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var a = await staff.PostAsJsonAsync("/api/v1/staff/children", first);
        var b = await staff.PostAsJsonAsync("/api/v1/staff/children", second);
        var (opened, again) = (await a.ReadObjectAsync(), await b.ReadObjectAsync());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(a.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(b.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string)again["reference"]!, Is.EqualTo((string)opened["reference"]!));
            Assert.That((bool)again["duplicate"]!, Is.True);
            Assert.That(await Rows.CountAsync(Engine, "requests", tenant.Id), Is.EqualTo(1));
            Assert.That(await Rows.CountAsync(Engine, "child_reports", tenant.Id), Is.EqualTo(1));
        }
    }

    // Every way a report can be wrong is a problem+json that names the field, and nothing is opened or stored.
    [Test]
    public async Task Bad_reports_are_problems_and_open_nothing()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var staff = tenant.Staff(Engine, "privacy-officer");
        var admin = tenant.Staff(Engine, "admin");
        var email = Submissions.UniqueEmail("kid");
        var future = Today.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (string Body, HttpStatusCode Status, string Type, string? Field)[] cases =
        [
            ($$$"""{"subject":{"email":"{{{email}}}"}}""", HttpStatusCode.BadRequest, "validation", "birthDate"),
            ($$$"""{"subject":{"email":"{{{email}}}"},"birthDate":"{{{future}}}"}""", HttpStatusCode.BadRequest, "validation", "birthDate"),
            ($$$"""{"subject":{"email":"{{{email}}}"},"age":200}""", HttpStatusCode.BadRequest, "validation", "age"),
            ($$$"""{"subject":{"email":"{{{email}}}"},"age":9,"parent":{"email":"no-at-sign"}}""", HttpStatusCode.BadRequest,
                "validation", "parent.email"),
            ("""{"age":9}""", HttpStatusCode.BadRequest, "validation", "subject"),
            ("""{"subject":{"email":"not-an-address"},"age":9}""", HttpStatusCode.BadRequest, "validation", "subject.email"),
            ($$$"""{"subject":{"email":"{{{email}}}"},"age":9,"birth_date":"2015-01-01"}""", HttpStatusCode.BadRequest,
                "malformed-json", null),
            ($$$"""{"subject":{"email":"{{{email}}}"},"birthDate":"12/05/2015"}""", HttpStatusCode.BadRequest, "malformed-json", null),
            ($$$"""{"subject":{"email":"{{{email}}}"},"age":16}""", HttpStatusCode.UnprocessableEntity, "not-a-child", null),
        ];
        var failures = new List<string>();
        foreach (var (body, status, type, field) in cases)
        {
            var response = await staff.PostAsync("/api/v1/staff/children", Submissions.Json(JsonNode.Parse(body)!));
            var problem = await response.ReadObjectAsync();
            if (response.StatusCode != status || (string?)problem["type"] != $"urn:dsar:problem:{type}"
                || response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                || (field is not null && problem["errors"]?[field] is null))
                failures.Add($"{body} -> {(int)response.StatusCode} {problem.ToJsonString()}");
        }
        var lowered = await admin.PutAsJsonAsync("/api/v1/staff/settings/children", new { ageUnder = 12 });
        var byOfficer = await staff.PutAsJsonAsync("/api/v1/staff/settings/children", new { ageUnder = 13 });
        var setting = await staff.GetFromJsonAsync<JsonObject>("/api/v1/staff/settings/children");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(failures, Is.Empty, string.Join("\n", failures));
            Assert.That(lowered.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "below GDPR Art. 8(1)'s floor of 13");
            Assert.That(byOfficer.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "admins only");
            Assert.That((int)setting!["ageUnder"]!, Is.EqualTo(16), "nothing was changed");
            Assert.That(await Rows.CountAsync(Engine, "requests", tenant.Id), Is.Zero);
            Assert.That(await Rows.CountAsync(Engine, "child_reports", tenant.Id), Is.Zero);
        }
    }

    [Test]
    public async Task An_organisation_may_lower_its_age_and_a_subject_above_it_is_not_a_child()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var set = await tenant.Staff(Engine, "admin").PutAsJsonAsync("/api/v1/staff/settings/children", new { ageUnder = 13 });
        var body = Report(Submissions.UniqueEmail("teen"));
        body["age"] = 14;
        var response = await tenant.Staff(Engine, "agent").PostAsJsonAsync("/api/v1/staff/children", body);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.OK), await set.Content.ReadAsStringAsync());
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), await response.Content.ReadAsStringAsync());
            Assert.That(await Rows.CountAsync(Engine, "requests", tenant.Id), Is.Zero);
        }
    }

    // The tenant comes from the API key: naming another organisation is refused, and neither organisation gets a case.
    [Test]
    public async Task Staff_cannot_report_a_child_of_another_organisation()
    {
        var (mine, theirs) = (await TestTenant.CreateAsync(Engine), await TestTenant.CreateAsync(Engine));
        var body = Report(Submissions.UniqueEmail("kid"));
        (body["tenant"], body["age"]) = (theirs.Slug, 8);

        var response = await mine.Staff(Engine, "admin").PostAsJsonAsync("/api/v1/staff/children", body);
        var problem = await response.ReadObjectAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((string?)problem["type"], Is.EqualTo("urn:dsar:problem:other-organisation"));
            Assert.That(await Rows.CountAsync(Engine, "requests", theirs.Id), Is.Zero);
            Assert.That(await Rows.CountAsync(Engine, "requests", mine.Id), Is.Zero);
        }
    }

    // The text as read, whatever the line breaks.
    private static string Flat(string text) => string.Join(' ', text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
