using DsarEngine.Connectors.Contracts;
using DsarEngine.Samples.Common;
using DsarEngine.Samples.SupportDeskConnector;
using Microsoft.Extensions.Hosting;

namespace DsarEngine.Samples.Tests;

public sealed class SupportDeskTests : SampleFixture
{
    protected override string Schema => SupportSchema.Name;

    protected override IHostedService Seeder(SampleDatabase db) => new SupportSchema(db);

    private SupportHandlers Handlers => new(Db);

    [Test]
    public async Task Erasure_deletes_own_tickets_and_anonymises_a_shared_one_keeping_the_other_customers_message()
    {
        var subject = SamplePeople.Demo[0];
        var other = SamplePeople.Demo[1];
        var othersComments = await CountAsync(
            "SELECT count(*) FROM support.comments c JOIN support.requesters r ON r.id = c.requester_id WHERE r.email = @Email", other);
        var result = await Handlers.EraseAsync(new EraseSubjectData(Task("e"), Identities(subject)), Context(), CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Summary, Does.Contain("1 shared ticket(s) anonymised"));
            Assert.That(await CountAsync("SELECT count(*) FROM support.requesters WHERE email = @Email", subject), Is.Zero);
            Assert.That(await CountAsync("SELECT count(*) FROM support.tickets WHERE subject = '[erased]' AND requester_id IS NULL"),
                Is.EqualTo(1));
            Assert.That(othersComments, Is.EqualTo(1));
            Assert.That(await CountAsync(
                    "SELECT count(*) FROM support.comments c JOIN support.requesters r ON r.id = c.requester_id WHERE r.email = @Email",
                    other),
                Is.EqualTo(1));
        }
    }

    [Test]
    public async Task An_export_gives_the_tickets_with_their_free_text()
    {
        var subject = SamplePeople.Demo[2];
        var document = await Handlers.ExportAsync(new ExportSubjectData(Task("x"), Identities(subject), []), Context(),
            CancellationToken.None);
        Assert.That(document!.Categories.Single(c => c.Category == "support-tickets").Records, Has.Count.EqualTo(2));
        Assert.That(document.Categories.Single(c => c.Category == "support-tickets").Records.All(r => r["body"]!.Length > 20), Is.True);
    }

    [Test]
    public async Task Rectifying_the_email_moves_the_requester_and_a_stranger_is_not_found()
    {
        var subject = SamplePeople.All[70];
        await Handlers.RectifyAsync(
            new RectifySubjectData(Task("r"), Identities(subject), [new FieldChange("email", "New.Address@Example.org")]), Context(),
            CancellationToken.None);
        var stranger = await Handlers.ExportAsync(
            new ExportSubjectData(Task("s"), [new(SubjectIdentityTypes.Email, "nobody@example.net")], []), Context(),
            CancellationToken.None);
        Assert.That(await CountAsync("SELECT count(*) FROM support.requesters WHERE email = 'new.address@example.org'"), Is.EqualTo(1));
        Assert.That(stranger, Is.Null);
    }
}
