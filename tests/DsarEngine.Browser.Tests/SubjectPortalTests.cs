using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Conversations;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DsarEngine.Browser.Tests;

// After the form: the subject proves it is them by the link and the code e-mailed to them (read from the mail catcher, as
// they read it), follows the request on the portal, and answers the privacy team's question with a document.
public sealed class SubjectPortalTests : SubjectTest
{
    [Test]
    public async Task A_subject_confirms_it_is_them_with_the_mailed_code_and_follows_the_request_on_the_portal()
    {
        var text = Text("en");
        var (reference, email) = await SubmitThroughTheShopAsync("en");
        await OpenPortalAsync(email, reference, "en");
        await Assertions.Expect(Page.GetByText(text["Portal.Timeline.Received"])).ToBeVisibleAsync();
        await CheckScreenAsync("portal-received");

        var challenge = await MailCatcher.WaitForAsync(email, "identity-challenge");
        var code = CodePattern().Match(challenge.Body).Value;
        Assert.That(code, Has.Length.EqualTo(6), challenge.Body);
        await Page.GetByRole(AriaRole.Link, new() { Name = text["Portal.IdentityLink"] }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = text["Portal.IdentityHeading"], Level = 2 }))
            .ToBeVisibleAsync();
        await CheckScreenAsync("portal-identity");
        await Page.GetByRole(AriaRole.Textbox, new() { NameRegex = Starting(text["Portal.CodeLabel"]) }).FillAsync(code);
        await Page.GetByRole(AriaRole.Button, new() { Name = text["Portal.Confirm"], Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText(text["Portal.IdentityDone"])).ToBeVisibleAsync();
        await CheckScreenAsync("portal-identity-done");

        await Page.GotoAsync(Url($"portal/{reference}"));
        await Assertions.Expect(Page.GetByText(text["Portal.Timeline.IdentityProven"])).ToBeVisibleAsync();
        var view = await StaffViewAsync(BrowserEngine.Tenant, reference);
        await DsarEngine.Server.Tests.TestData.Workflows.WaitForAsync(
            BrowserEngine.Tenant.Staff(BrowserEngine.Engine, StaffRoles.Auditor), reference,
            v => (string?)v["waitingFor"] != "identity", "the step after identity");
        Assert.That((string)view["reference"]!, Is.EqualTo(reference));
        await CheckScreenAsync("portal-verified");
    }

    [Test]
    public async Task A_subject_confirms_it_is_them_by_the_mailed_link_in_french()
    {
        var text = Text("fr");
        var (reference, email) = await SubmitByApiAsync("fr");
        await OpenPortalAsync(email, reference, "fr");
        var challenge = await MailCatcher.WaitForAsync(email, "identity-challenge");
        var link = LinkPattern().Matches(challenge.Body).Select(m => m.Value)
            .FirstOrDefault(l => l.Contains("identity", StringComparison.Ordinal));
        Assert.That(link, Is.Not.Null, challenge.Body);
        await Page.GotoAsync(link!);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = text["Portal.IdentityHeading"], Level = 2 }))
            .ToBeVisibleAsync();
        await CheckScreenAsync("portal-identity-link");
        await Page.GetByRole(AriaRole.Button, new() { Name = text["Portal.Confirm"], Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText(text["Portal.IdentityDone"])).ToBeVisibleAsync();
        await DsarEngine.Server.Tests.TestData.Workflows.WaitForAsync(
            BrowserEngine.Tenant.Staff(BrowserEngine.Engine, StaffRoles.Auditor), reference,
            v => (string?)v["waitingFor"] != "identity", "the step after identity");
    }

    [Test]
    public async Task A_subject_answers_the_teams_question_with_a_document_and_the_clock_runs_again()
    {
        var text = Text("en");
        var (reference, email) = await SubmitByApiAsync("en");
        await ConfirmIdentityByStaffAsync(BrowserEngine.Tenant, reference);
        const string question = "Please send a copy of the invoice of your last order.";
        var asked = await BrowserEngine.Engine.Services.GetRequiredService<ConversationService>()
            .AskForInformationAsync(BrowserEngine.Tenant.Id, reference, question, "officer", CancellationToken.None);
        Assert.That(asked.Status, Is.EqualTo(ConversationStatus.Done));
        await MailCatcher.WaitForAsync(email, "information-requested");

        await OpenPortalAsync(email, reference, "en");
        await Assertions.Expect(Page.GetByText(question)).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText(text["Portal.Timeline.ClockStopped"])).ToBeVisibleAsync();
        await CheckScreenAsync("portal-question");
        await Page.GetByRole(AriaRole.Textbox, new() { NameRegex = Starting(text["Portal.ReplyLabel"]) }).FillAsync("Here is the invoice.");
        await Page.GetByLabel(text["Portal.AttachLabel"]).SetInputFilesAsync(new FilePayload
        {
            Name = "invoice.png", MimeType = "image/png", Buffer = Png,
        });
        await Page.GetByRole(AriaRole.Button, new() { Name = text["Portal.SendReply"] }).ClickAsync();
        await Assertions.Expect(Page.GetByText(text["Portal.ReplySentResumed"])).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Here is the invoice.")).ToBeVisibleAsync();
        await CheckScreenAsync("portal-replied");

        // The team receives the document beside the reply, the very bytes sent.
        var staff = BrowserEngine.Tenant.Staff(BrowserEngine.Engine, StaffRoles.PrivacyOfficer);
        var documents = await staff.GetFromJsonAsync<JsonArray>($"/api/v1/staff/requests/{reference}/subject-documents");
        var document = documents!.Single()!;
        var bytes = await staff.GetByteArrayAsync((string)document["url"]!);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)document["kind"]!, Is.EqualTo("reply"));
            Assert.That((string)document["mediaType"]!, Is.EqualTo("image/png"));
            Assert.That((string?)document["messageId"], Is.Not.Null);
            Assert.That(bytes, Is.EqualTo(Png));
        }
    }

    // GDPR Art. 7(3) in spirit: as easy to withdraw as to ask. A confirmation step, then the request is closed, the
    // subject told by e-mail, and nothing is offered any more.
    [Test]
    public async Task A_subject_withdraws_the_request_from_the_portal_after_confirming()
    {
        var text = Text("ru");
        var (reference, email) = await SubmitByApiAsync("ru");
        await OpenPortalAsync(email, reference, "ru");
        await Page.GetByRole(AriaRole.Button, new() { Name = text["Portal.Withdraw"] }).ClickAsync();
        await Assertions.Expect(Page.GetByText(text["Portal.WithdrawQuestion"])).ToBeVisibleAsync();
        await CheckScreenAsync("portal-withdraw-confirm");
        await Page.GetByRole(AriaRole.Button, new() { Name = text["Portal.WithdrawConfirm"] }).ClickAsync();
        await Assertions.Expect(Page.GetByText(text["Portal.Withdrawn"])).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText(text["Portal.Timeline.Withdrawn"])).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = text["Portal.Withdraw"] })).ToHaveCountAsync(0);
        await CheckScreenAsync("portal-withdrawn");
        await MailCatcher.WaitForAsync(email, "request-withdrawn");
        Assert.That((string)(await StaffViewAsync(BrowserEngine.Tenant, reference))["status"]!, Is.EqualTo("withdrawn"));
    }

    // A 1x1 PNG: the engine checks a document's type by its content.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    // Through the public API (the portal's tests start after the form; the form's own tests send through the shop).
    // Keyboard only, in Russian: from the portal's page to the identity code and back, then a reply, never a mouse click.
    [Test]
    public async Task A_subject_proves_it_is_them_and_replies_on_the_portal_with_the_keyboard_alone_in_russian()
    {
        var text = Text("ru");
        var (reference, email) = await SubmitByApiAsync("ru");
        await OpenPortalAsync(email, reference, "ru");
        var challenge = await MailCatcher.WaitForAsync(email, "identity-challenge");
        var code = CodePattern().Match(challenge.Body).Value;
        Assert.That(code, Has.Length.EqualTo(6), challenge.Body);
        // The page may have been read before the workflow asked for the proof: the person reloads it.
        await Page.ReloadAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = text["Portal.IdentityLink"] })).ToBeVisibleAsync();

        await TabUntilAsync(Page.GetByRole(AriaRole.Link, new() { Name = text["Portal.IdentityLink"] }), 30);
        await Page.Keyboard.PressAsync("Enter");
        var field = Page.GetByRole(AriaRole.Textbox, new() { NameRegex = Starting(text["Portal.CodeLabel"]) });
        await Assertions.Expect(field).ToBeVisibleAsync();
        await TabUntilAsync(field, 30);
        await Page.Keyboard.TypeAsync(code);
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.GetByText(text["Portal.IdentityDone"])).ToBeVisibleAsync();

        var reply = Page.GetByRole(AriaRole.Textbox, new() { NameRegex = Starting(text["Portal.ReplyLabel"]) });
        await TabUntilAsync(reply, 40);
        await Page.Keyboard.TypeAsync("Мой номер клиента: 4711.");
        await TabUntilAsync(Page.GetByRole(AriaRole.Button, new() { Name = text["Portal.SendReply"], Exact = true }), 10);
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.GetByText(text["Portal.ReplySent"])).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Мой номер клиента: 4711.")).ToBeVisibleAsync();
        await CheckScreenAsync("portal-keyboard-ru");
    }

    private static async Task<(string Reference, string Email)> SubmitByApiAsync(string language)
    {
        var body = Submissions.Valid(BrowserEngine.Tenant.Slug);
        body["language"] = language;
        var response = await BrowserEngine.Engine.CreateClient().SendAsync(Submissions.Post(body));
        return ((string)(await response.ReadObjectAsync())["reference"]!, (string)body["subject"]!["email"]!);
    }

    private async Task<(string Reference, string Email)> SubmitThroughTheShopAsync(string language)
    {
        var email = Submissions.UniqueEmail("portal");
        await OpenFormAsync(language);
        await FillForRightAsync(language, "access", email);
        return (await SendAsync(language), email);
    }
}
