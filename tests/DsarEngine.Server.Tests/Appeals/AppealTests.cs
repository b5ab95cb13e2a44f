using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Appeals;

// Virginia, Colorado and Connecticut appeals (Va. Code §59.1-577(C), C.R.S. §6-1-1306(3), Conn. Gen. Stat. §42-518(d)):
// an appeal of a refused request is a request of its own, on the appeal period of the refused request's law, answered
// by a letter that, when the appeal is denied, says how to complain to the state's Attorney General.
public sealed class AppealTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task A_refused_Virginia_request_is_appealed_on_a_60_day_clock_and_the_denial_names_the_Attorney_General()
    {
        var (tenant, refused, email, _) = await AppealDriver.RefusedAsync(Engine, "US-VA", "vcdpa");
        var response = await Engine.CreateClient().SendAsync(Submissions.Post(AppealDriver.Appeal(tenant, refused, email)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var appeal = await response.ReadObjectAsync();
        var reference = (string)appeal["reference"]!;
        var receivedOn = DateOnly.Parse((string)appeal["receivedOn"]!, System.Globalization.CultureInfo.InvariantCulture);
        var again = await Engine.CreateClient().SendAsync(Submissions.Post(AppealDriver.Appeal(tenant, refused, email)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)appeal["dueOn"]!, Is.EqualTo(receivedOn.AddDays(60).ToString("yyyy-MM-dd")));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await again.Content.ReadAsStringAsync(), Does.Contain("already appealed"));
        }

        var staff = tenant.Staff(Engine, "privacy-officer");
        var view = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}");
        Assert.That((string)view!["regime"]!, Is.EqualTo("vcdpa-appeal"));
        await AppealDriver.DecideAsync(staff, reference, "refuse", "Invoices must be kept for ten years under Va. Code §58.1-3.");
        // A denial goes out as a refusal letter (its own e-mail); staff read the very letter the subject gets.
        var (text, _, _) = await Packs.Poppler.ReadAsync(
            await staff.GetByteArrayAsync($"/api/v1/staff/requests/{reference}/pack/letter.pdf"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("Your appeal: our decision").And.Contain(refused).And.Contain("Va. Code §59.1-577(C)"));
            Assert.That(text, Does.Contain("we uphold our decision").And.Contain("Va. Code §58.1-3"));
            Assert.That(text, Does.Contain("Attorney General of Virginia").And.Contain("oag.state.va.us"));
            Assert.That(text, Does.Not.Contain("Article 77").And.Not.Contain("supervisory authority"));
        }
    }

    [Test]
    public async Task A_reversed_Colorado_appeal_runs_45_days_and_its_letter_sends_nobody_to_the_Attorney_General()
    {
        var (tenant, refused, email, _) = await AppealDriver.RefusedAsync(Engine, "US-CO", "cpa");
        var response = await Engine.CreateClient().SendAsync(Submissions.Post(AppealDriver.Appeal(tenant, refused, email)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var appeal = await response.ReadObjectAsync();
        var receivedOn = DateOnly.Parse((string)appeal["receivedOn"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That((string)appeal["dueOn"]!, Is.EqualTo(receivedOn.AddDays(45).ToString("yyyy-MM-dd")));

        var reference = (string)appeal["reference"]!;
        await AppealDriver.DecideAsync(tenant.Staff(Engine, "privacy-officer"), reference, "proceed", null);
        var (text, _, _) = await Packs.Poppler.ReadAsync((await SubjectDownload.DownloadAsync(Engine, reference, email)).Content);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("we reverse our decision").And.Contain(refused).And.Contain("C.R.S. §6-1-1306(3)"));
            Assert.That(text, Does.Not.Contain("Attorney General"));
        }
    }

    [Test]
    public async Task Only_a_refused_request_of_the_same_subject_under_a_law_with_an_appeal_can_be_appealed()
    {
        var (tenant, refusedVa, email, _) = await AppealDriver.RefusedAsync(Engine, "US-VA", "vcdpa");
        var (gdprTenant, refusedGdpr, gdprEmail, _) = await AppealDriver.RefusedAsync(Engine, "FR", "gdpr");
        var open = await RequestDriver.SubmitAsync(Engine, tenant, "access", email);
        var cases = new (JsonObject Body, string Field, string Says)[]
        {
            (AppealDriver.Appeal(gdprTenant, refusedGdpr, gdprEmail), "appealOf", "gives no appeal"),
            (AppealDriver.Appeal(tenant, refusedVa, Submissions.UniqueEmail("someone-else")), "appealOf", "No refused request of yours"),
            (AppealDriver.Appeal(tenant, open, email), "appealOf", "No refused request of yours"),
            (AppealDriver.Appeal(tenant, "DSR-0000-0000-0000", email), "appealOf", "No refused request of yours"),
            (AppealDriver.Appeal(tenant, "not-a-reference", email), "appealOf", "Not a request reference"),
            (new JsonObject { ["tenant"] = tenant.Slug, ["right"] = "appeal", ["subject"] = new JsonObject { ["email"] = email } },
                "appealOf", "Required for an appeal"),
        };
        foreach (var (body, field, says) in cases)
        {
            var response = await Engine.CreateClient().SendAsync(Submissions.Post(body));
            var problem = await response.ReadObjectAsync();
            using (Assert.EnterMultipleScope())
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body.ToJsonString());
                Assert.That((string)problem["errors"]![field]![0]!, Does.Contain(says), body.ToJsonString());
            }
        }
        var requests = await tenant.Staff(Engine, "privacy-officer").GetStringAsync("/api/v1/staff/requests");
        Assert.That(requests, Does.Not.Contain("\"appeal\""));
    }
}
