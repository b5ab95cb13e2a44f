using System.Net;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Portal;

// The answer on the portal: "Send me a code" (the answer link's own path and limits), the code typed once, then the
// letter and the full copy (GDPR Art. 15(3)), each download journaled with its part as the answer link's downloads are.
public sealed class PortalAnswerTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task A_code_opens_the_answer_and_the_letter_and_the_copy_download_once_each_journaled()
    {
        await using var connector = await ExportingConnector.StartAsync($"pex-{Guid.NewGuid():N}"[..14]);
        var subject = await PortalSubject.SubmitAsync(Engine);
        await connector.ServeAsync(subject.Tenant.Slug);
        await RequestDriver.RegisterAsync(subject.Tenant.Staff(Engine, "admin"), connector.Name,
            new { displayName = "Orders", actions = new[] { "export" } });
        await RequestDriver.ToFanOutAsync(subject.Staff, subject.Reference);
        await RequestDriver.ApproveUntilClosedAsync(subject.Staff, subject.Reference);
        var browser = await subject.EnterAsync(Engine);
        var home = await browser.GetAsync(subject.Page);
        var page = await browser.GetAsync($"{subject.Page}/answer");

        var sent = await browser.PostAsync(page, "/answer/code", new Dictionary<string, string>());
        var typing = await browser.GetAsync(sent.Headers.Location!.OriginalString);
        var code = SubjectDownload.CodePattern().Match(await SubjectDownload.MailAsync(subject.Email, "pack-code")).Value;
        var wrong = await PortalPage.ReadAsync(await browser.PostAsync(typing, "/answer",
            new Dictionary<string, string> { ["code"] = code == "000000" ? "111111" : "000000" }));
        var opened = await browser.PostAsync(wrong, "/answer", new Dictionary<string, string> { ["code"] = code });
        var links = await browser.GetAsync(opened.Headers.Location!.OriginalString);
        var hrefs = links.Document.QuerySelectorAll("a[download]").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href")!);
        var letter = await browser.Client.GetAsync(hrefs["Download the letter (PDF)"]);
        var copy = await browser.Client.GetAsync(hrefs["Download all your data (ZIP)"]);
        var again = await PortalPage.ReadAsync(await browser.Client.GetAsync(hrefs["Download the letter (PDF)"]));
        var downloads = (await subject.EntriesAsync()).Where(e => e.Kind == "pack-downloaded").ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(home.Text, Does.Contain("Your answer is ready."));
            Assert.That(page.Buttons, Does.Contain("Send me a code"));
            Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
            Assert.That(typing.Text, Does.Contain("We sent a code to").And.Not.Contain(subject.Email));
            Assert.That(typing.Label("code"), Is.EqualTo("Code from the e-mail"));
            Assert.That(typing.Buttons, Does.Contain("Open my answer"));
            Assert.That(wrong.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(wrong.Document.QuerySelector(".error-summary")?.TextContent, Does.Contain("This code is not right."));
            Assert.That(opened.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
            Assert.That(hrefs.Keys, Is.EquivalentTo(new[] { "Download the letter (PDF)", "Download all your data (ZIP)" }));
            Assert.That(hrefs.Values, Has.None.Contain(code), "the code is never in an address");
            Assert.That(letter.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
            Assert.That((await letter.Content.ReadAsByteArrayAsync())[..5], Is.EqualTo("%PDF-"u8.ToArray()));
            Assert.That(copy.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/zip"));
            Assert.That((await copy.Content.ReadAsByteArrayAsync())[..2], Is.EqualTo("PK"u8.ToArray()));
            Assert.That(again.Status, Is.EqualTo(HttpStatusCode.BadRequest), "a part opens once per code");
            Assert.That(again.Text, Does.Contain("Ask for a new one."));
            Assert.That(downloads.Select(d => JsonNode.Parse(d.Data)!["part"]!.GetValue<string>()), Is.EqualTo(new[] { "letter", "copy" }));
            Assert.That(downloads.Select(d => d.Actor), Has.All.EqualTo("subject"));
        }
    }

    [Test]
    public async Task Before_the_answer_is_ready_the_page_says_so_and_sends_no_code()
    {
        var subject = await PortalSubject.SubmitAsync(Engine);
        var browser = await subject.EnterAsync(Engine);
        var page = await browser.GetAsync($"{subject.Page}/answer");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Text, Does.Contain("Your answer is not ready yet."));
            Assert.That(page.Buttons, Does.Not.Contain("Send me a code"));
            Assert.That(await Rows.CountAsync(Engine, "pack_codes", subject.Tenant.Id), Is.Zero);
        }
    }
}
