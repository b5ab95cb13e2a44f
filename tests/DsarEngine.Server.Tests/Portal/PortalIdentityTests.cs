using System.Net;
using System.Text.RegularExpressions;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Portal;

// GDPR Art. 12(6) on the portal: the code from the identity e-mail, typed on /portal/{reference}/identity, goes through the
// same check as the e-mailed link and the API (single use, five attempts), and the workflow moves on.
public sealed partial class PortalIdentityTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task The_code_from_the_e_mail_typed_on_the_portal_proves_the_identity_once()
    {
        var subject = await PortalSubject.SubmitAsync(Engine);
        await subject.WaitForAsync("identity");
        var code = CodePattern().Match((await MailCatcher.WaitForAsync(subject.Email, "identity-challenge")).Body).Groups[1].Value;
        var browser = await subject.EnterAsync(Engine);
        var home = await browser.GetAsync(subject.Page);
        var page = await browser.GetAsync($"{subject.Page}/identity");

        var wrong = await PortalPage.ReadAsync(await browser.PostAsync(page, "/identity",
            new Dictionary<string, string> { ["code"] = code == "000000" ? "111111" : "000000" }));
        var right = await browser.PostAsync(wrong, "/identity", new Dictionary<string, string> { ["code"] = code });
        var after = await browser.GetAsync(right.Headers.Location!.OriginalString);
        var view = await TestData.Workflows.WaitForAsync(subject.Staff, subject.Reference, v => (string?)v["waitingFor"] != "identity",
            "the step after identity");
        var verified = (await subject.EntriesAsync()).Single(e => e.Kind == "identity-verified");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(home.Text, Does.Contain("We need to know it is you"));
            Assert.That(page.Label("code"), Is.EqualTo("Code from the e-mail"));
            Assert.That(page.Buttons, Does.Contain("Confirm"));
            Assert.That(wrong.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(wrong.Document.QuerySelector(".error-summary")?.TextContent, Does.Contain("This code is not right."));
            Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
            Assert.That(after.Text, Does.Contain("Thank you: you confirmed it is you."));
            Assert.That((string)view["waitingFor"]!, Does.StartWith("decision:"));
            Assert.That(verified.Actor, Is.EqualTo("subject"));
            Assert.That(verified.Data, Does.Contain("one-time code"));
        }
    }

    // "Or enter this code where asked: 123456" (the e-mail in English).
    [GeneratedRegex(@"code where asked:\s*(\d{6})")]
    private static partial Regex CodePattern();
}
