using System.Net;
using System.Net.Http.Json;

namespace DsarEngine.Server.Tests.Portal;

// Links expire: Dsar:Portal:LinkDaysAfterClose days (default 90) after the request closed, the status link and an open
// session no longer open the portal, and the page says what to do instead.
public sealed class PortalLinkExpiryTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private EngineFactory engine = null!;

    [OneTimeSetUp]
    public async Task Start() => engine = await EngineFactory.StartAsync(time: Time);

    [OneTimeTearDown]
    public async Task Stop() => await engine.DisposeAsync();

    [Test]
    public async Task The_status_link_stops_opening_the_portal_ninety_days_after_the_request_closed()
    {
        var subject = await PortalSubject.SubmitAsync(engine);
        await subject.WaitForAsync("identity");
        var closed = await subject.Staff.PostAsJsonAsync($"/api/v1/staff/requests/{subject.Reference}/close",
            new { reason = "The subject asked us by phone to stop." });
        Assert.That(closed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await closed.Content.ReadAsStringAsync());

        Time.Advance(TimeSpan.FromDays(90) - TimeSpan.FromMinutes(10));
        var before = await PortalBrowser.Open(engine).EnterAsync(subject.Reference, subject.Token);
        var session = await subject.EnterAsync(engine);
        Time.Advance(TimeSpan.FromMinutes(10));
        var after = await PortalPage.ReadAsync(await PortalBrowser.Open(engine).EnterAsync(subject.Reference, subject.Token));
        var page = await session.GetAsync(subject.Page);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther), "ten minutes before: the link still opens it");
            Assert.That(after.Status, Is.EqualTo(HttpStatusCode.Gone));
            Assert.That(after.H1, Is.EqualTo("This link has expired"));
            Assert.That(after.Text, Does.Contain("more than 90 days ago").And.Contain("write to the organisation"));
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.Gone), "a session opened before does not outlive the link");
        }
    }
}
