using System.Net;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Portal;

// Withdrawal from the portal: a button, a confirmation page, then the POST that closes the request (WithdrawalService).
public sealed class PortalWithdrawTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task The_subject_withdraws_after_confirming_and_the_request_is_closed_as_theirs()
    {
        var subject = await PortalSubject.SubmitAsync(Engine);
        await subject.WaitForAsync("identity");
        var browser = await subject.EnterAsync(Engine);
        var home = await browser.GetAsync(subject.Page);
        var confirm = await browser.GetAsync(home.Form("/withdraw").GetAttribute("action")!);
        var stillOpen = await Rows.ScalarAsync<string>(Engine, "SELECT status FROM requests WHERE reference = @Reference",
            new { subject.Reference });

        var withdrawn = await browser.PostAsync(confirm, "/withdraw", new Dictionary<string, string>());
        var after = await browser.GetAsync(withdrawn.Headers.Location!.OriginalString);
        var entry = (await subject.EntriesAsync()).Single(e => e.Kind == "withdrawn-by-subject");
        var again = await browser.GetAsync($"{subject.Page}/withdraw");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(home.Buttons, Does.Contain("Withdraw my request"));
            Assert.That(confirm.Buttons, Does.Contain("Yes, withdraw my request"));
            Assert.That(stillOpen, Is.Not.EqualTo("withdrawn"), "opening the confirmation changes nothing");
            Assert.That(withdrawn.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
            Assert.That(await Rows.ScalarAsync<string>(Engine, "SELECT status FROM requests WHERE reference = @Reference",
                new { subject.Reference }), Is.EqualTo("withdrawn"));
            Assert.That(entry.Actor, Is.EqualTo("subject"));
            Assert.That(after.Text, Does.Contain("Your request is withdrawn."));
            Assert.That(after.Timeline, Has.Some.EndsWith("You withdrew your request."));
            Assert.That(after.Buttons, Does.Not.Contain("Withdraw my request"));
            Assert.That(again.Buttons, Does.Not.Contain("Yes, withdraw my request"));
            Assert.That(again.Text, Does.Contain("This request is already closed"));
        }
    }
}
