using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.Playwright;

namespace DsarEngine.Browser.Tests;

// Issue 16, hostile input: script a subject writes into any text field never runs where people read it. A request whose
// every text field (name, details, identity, representative) holds a payload, and a portal reply that holds another, are
// read in the inbox's list, on the request page and on the portal: nothing sets window.__x, no dialog opens, and each
// payload shows as the text it is.
public sealed class InjectedScriptTests : BrowserTest
{
    private const string Name = "<img src=x onerror=\"window.__x=1\">Ada";
    private const string Details = "<script>window.__x=1</script> javascript:window.__x=1 \"><svg onload=alert(1)>";
    private const string Identity = "\"><svg onload=window.__x=1>";
    private const string Representative = "<script>alert(1)</script>Rep";
    private const string Reply = "<img src=x onerror=\"window.__x=1;alert(1)\"> <a href=\"javascript:window.__x=1\">click</a>";

    [Test]
    public async Task Script_in_every_text_field_never_runs_in_the_inbox_or_the_portal_and_shows_as_text()
    {
        var dialogs = new List<string>();
        Page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        var body = Submissions.Valid(BrowserEngine.Tenant.Slug);
        body["language"] = "en";
        body["subject"]!["name"] = Name;
        body["details"] = Details;
        body["subject"]!["identities"] = new JsonArray(new JsonObject { ["type"] = "customer-id", ["value"] = Identity });
        body["representative"] = new JsonObject
        {
            ["relationship"] = "representative", ["name"] = Representative, ["email"] = Submissions.UniqueEmail("rep"),
        };
        var response = await BrowserEngine.Engine.CreateClient().SendAsync(Submissions.Post(body));
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var accepted = await response.ReadObjectAsync();
        var reference = (string)accepted["reference"]!;

        // The subject's side: the portal, and a reply to the team holding script too.
        await Page.GotoAsync((string)accepted["statusUrl"]!);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Your request {reference}", Level = 1 }))
            .ToBeVisibleAsync();
        await Page.GetByLabel("Your reply", new() { Exact = true }).FillAsync(Reply);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send reply", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText(Reply, new() { Exact = false }).First).ToBeVisibleAsync();
        await ScreenshotAsync("portal");
        await AssertNothingRanAsync(dialogs, "the portal");

        // The team's side: the list, then the request page with every field and the reply.
        await SignInToInboxAsync(StaffRoles.PrivacyOfficer);
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = reference });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await ScreenshotAsync("inbox");
        await AssertNothingRanAsync(dialogs, "the inbox's list");
        await Page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Request {reference}", Level = 1 })).ToBeVisibleAsync();
        await WaitForLiveAsync();
        foreach (var text in new[] { Name, Identity, Representative, Reply })
            await Assertions.Expect(Page.GetByText(text, new() { Exact = false }).First).ToBeVisibleAsync();
        await ScreenshotAsync("request");
        await AssertNothingRanAsync(dialogs, "the request page");
    }

    private async Task AssertNothingRanAsync(List<string> dialogs, string where)
    {
        var ran = await Page.EvaluateAsync<bool>("() => typeof window.__x !== 'undefined'");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ran, Is.False, $"script ran on {where}");
            Assert.That(dialogs, Is.Empty, $"a dialog opened on {where}");
            Assert.That(await Page.Locator("img[onerror], svg[onload], a[href^='javascript']").CountAsync(), Is.Zero,
                $"a payload became markup on {where}");
        }
    }
}
