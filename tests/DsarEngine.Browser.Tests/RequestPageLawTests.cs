using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.Playwright;
using Waits = DsarEngine.Server.Tests.TestData.Workflows;

namespace DsarEngine.Browser.Tests;

// The request page's law panels as a privacy officer uses them: an erasure made by the subject's representative shows the
// proof the law asks of them (GDPR Art. 12(6)) and that the assessment is held; proceeding first is refused with that
// reason; the officer confirms the proof, lists another controller to inform (Art. 17(2)) and then assesses. The page
// with its new panels, and the confirmation dialog, pass axe.
public sealed class RequestPageLawTests : BrowserTest
{
    [Test]
    public async Task A_privacy_officer_confirms_a_representatives_proof_and_then_assesses_the_erasure()
    {
        var reference = await AtAssessmentWithRepresentativeAsync();
        await SignInToInboxAsync(StaffRoles.PrivacyOfficer);
        await Page.GotoAsync($"/inbox/requests/{reference}");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Request {reference}", Level = 1 })).ToBeVisibleAsync();
        await WaitForLiveAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Representative's proof" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Awaited: not sent yet, and not confirmed")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("the subject's written mandate", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Until a person confirms this proof the assessment is held", new() { Exact = false }))
            .ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Recipients and controllers to tell" })).ToBeVisibleAsync();
        await CheckAsync("representative-awaited");

        await ActAsync("Proceed", null);
        await Assertions.Expect(Page.GetByText("their proof is not confirmed yet", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(Button("Proceed")).ToBeVisibleAsync();

        var dialog = await OpenAsync("Confirm the representative's proof");
        await Assertions.Expect(dialog).ToContainTextAsync("Until it is confirmed the assessment cannot proceed");
        await dialog.GetByRole(AriaRole.Textbox).First.FillAsync("Written mandate of 2 March, signed by the subject, seen.");
        await CheckAsync("confirm-proof-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm: Confirm the representative's proof" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Done: the representative's proof is confirmed", new() { Exact = false }))
            .ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Confirmed on", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(Button("Confirm the representative's proof")).ToHaveCountAsync(0);

        dialog = await OpenAsync("Add a controller to inform");
        await dialog.GetByRole(AriaRole.Textbox).First.FillAsync("Annuaire Pro SARL");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm: Add a controller to inform" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Cell, new() { Name = "Annuaire Pro SARL", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Button("Record as told: Annuaire Pro SARL")).ToBeVisibleAsync();

        await ActAsync("Proceed", null);
        await Assertions.Expect(Page.GetByText("Done: Proceed", new() { Exact = false })).ToBeVisibleAsync();
        await CheckAsync("representative-confirmed-assessed");
    }

    private ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    // Presses the button until its dialog shows: a press before the page's circuit is live opens nothing.
    private async Task<ILocator> OpenAsync(string label)
    {
        var dialog = Page.GetByRole(AriaRole.Dialog);
        for (var attempt = 0; attempt < 6 && !await dialog.IsVisibleAsync(); attempt++)
        {
            try
            {
                await Button(label).ClickAsync(new() { Timeout = 5000 });
                await dialog.WaitForAsync(new() { Timeout = 10000 });
            }
            catch (TimeoutException)
            {
                // Not live yet, or the dialog still opening: look again.
            }
        }
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        return dialog;
    }

    private async Task ActAsync(string label, string? text)
    {
        var dialog = await OpenAsync(label);
        if (text is not null)
            await dialog.GetByRole(AriaRole.Textbox).First.FillAsync(text);
        await dialog.GetByRole(AriaRole.Button, new() { Name = $"Confirm: {label}" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }

    private async Task CheckAsync(string screen)
    {
        await ScreenshotAsync(screen);
        Assert.That(await SeriousViolationsAsync(), Is.Empty, screen);
    }

    // An erasure made by the subject's lawyer (GDPR: a written mandate), its identity verified, at its assessment.
    private static async Task<string> AtAssessmentWithRepresentativeAsync()
    {
        var body = Submissions.Valid(BrowserEngine.Tenant.Slug, "erasure");
        body["representative"] = new JsonObject
        {
            ["relationship"] = "representative", ["name"] = "Maître Ørsted", ["email"] = Submissions.UniqueEmail("lawyer"),
        };
        var response = await BrowserEngine.Engine.CreateClient().SendAsync(Submissions.Post(body));
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var reference = (string)(await response.ReadObjectAsync())["reference"]!;
        var staff = BrowserEngine.Tenant.Staff(BrowserEngine.Engine, StaffRoles.PrivacyOfficer);
        await Waits.WaitForAsync(staff, reference, Waits.WaitingFor("identity"), "the identity step");
        var verified = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/identity", new { evidence = "Known customer." });
        Assert.That(verified.IsSuccessStatusCode, Is.True, await verified.Content.ReadAsStringAsync());
        await Waits.WaitForAsync(staff, reference, Waits.WaitingFor("decision:assess"), "the assessment");
        return reference;
    }
}
