using DsarEngine.Connectors.Contracts;
using DsarEngine.Samples.Common;
using DsarEngine.Samples.CrmConnector;
using Microsoft.Extensions.Hosting;

namespace DsarEngine.Samples.Tests;

public sealed class CrmTests : SampleFixture
{
    protected override string Schema => CrmSchema.Name;

    protected override IHostedService Seeder(SampleDatabase db) => new CrmSchema(db);

    private CrmHandlers Handlers => new(Db);

    [Test]
    public async Task Seeding_is_deterministic_and_runs_once()
    {
        await new CrmSchema(Db).StartAsync(CancellationToken.None);
        Assert.That(await CountAsync("SELECT count(*) FROM crm.customers"), Is.EqualTo(SamplePeople.All.Count));
        Assert.That(await CountAsync("SELECT count(*) FROM crm.customers WHERE email = @Email AND name = @Name", SamplePeople.All[42]),
            Is.EqualTo(1));
    }

    [Test]
    public async Task An_export_holds_the_subjects_records_by_category_and_nobody_elses()
    {
        var subject = SamplePeople.Demo[1];
        var document = await Handlers.ExportAsync(new ExportSubjectData(Task("x"), Identities(subject), []), Context(),
            CancellationToken.None);
        var flat = string.Join("|", document!.Categories.SelectMany(c => c.Records).SelectMany(r => r.Values));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Categories.Select(c => c.Category), Is.EqualTo(new[] { "contact-details", "contacts", "notes" }));
            Assert.That(document.Categories[0].Records.Single()["email"], Is.EqualTo(subject.Email));
            Assert.That(document.Categories[1].Records, Has.Count.EqualTo(2));
            Assert.That(flat, Does.Not.Contain(SamplePeople.Demo[0].Email).And.Not.Contain(SamplePeople.Demo[2].Email));
        }
    }

    [Test]
    public async Task The_same_erasure_task_twice_erases_once_and_answers_the_same()
    {
        var subject = SamplePeople.All[10];
        var context = Context("erase-twice");
        var first = await Handlers.EraseAsync(new EraseSubjectData(context.Task, Identities(subject)), context, CancellationToken.None);
        var second = await Handlers.EraseAsync(new EraseSubjectData(context.Task, Identities(subject)), context, CancellationToken.None);
        var other = await Handlers.EraseAsync(new EraseSubjectData(Task("another-task"), Identities(subject)), Context("another-task"),
            CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Outcome, Is.EqualTo(TaskOutcomes.Done));
            Assert.That(second,
                Is.EqualTo(first).Using<DsarEngine.Connectors.TaskResult>((a, b) => a.Outcome == b.Outcome && a.Summary == b.Summary));
            Assert.That(await CountAsync("SELECT count(*) FROM crm.operations WHERE idempotency_key = 'erase-twice'"), Is.EqualTo(1));
            Assert.That(await CountAsync("SELECT count(*) FROM crm.customers WHERE id = @CustomerId", subject), Is.Zero);
            Assert.That(await CountAsync("SELECT count(*) FROM crm.notes WHERE customer_id = @CustomerId", subject), Is.Zero);
            Assert.That(other.Outcome, Is.EqualTo(TaskOutcomes.NotFound));
        }
    }

    [Test]
    public async Task Rectifying_changes_the_stored_values_and_says_what_it_could_not_apply()
    {
        var subject = SamplePeople.All[20];
        var result = await Handlers.RectifyAsync(new RectifySubjectData(Task("r"), Identities(subject),
            [new FieldChange("name", "Zoë Ångström"), new FieldChange("date-of-birth", "1990-01-01")]), Context(),
            CancellationToken.None);
        Assert.That(result.Summary, Does.Contain("Corrected: name").And.Contain("Not held here: date-of-birth"));
        Assert.That(await CountAsync("SELECT count(*) FROM crm.customers WHERE id = @CustomerId AND name = 'Zoë Ångström'", subject),
            Is.EqualTo(1));
    }

    [Test]
    public async Task An_objection_to_marketing_clears_the_flag_and_an_unknown_subject_is_not_found()
    {
        var subject = SamplePeople.All[30];
        await Handlers.StopAsync(new StopProcessing(Task("s"), Identities(subject), "direct-marketing"), Context(), CancellationToken.None);
        var unknown = await Handlers.LocateAsync(new LocateSubject(Task("l"), [new(SubjectIdentityTypes.Email, "nobody@example.net")]),
            Context(), CancellationToken.None);
        Assert.That(await CountAsync("SELECT count(*) FROM crm.customers WHERE id = @CustomerId AND NOT marketing AND profiling", subject),
            Is.EqualTo(1));
        Assert.That(unknown.Outcome, Is.EqualTo(TaskOutcomes.NotFound));
    }

    // Review row 12: an objection to AI use switches off AI use only, never marketing (it used to).
    [TestCase("ai-processing")]
    [TestCase("ai-training")]
    public async Task An_objection_to_AI_use_clears_its_own_flag_and_leaves_marketing_on(string purpose)
    {
        var subject = SamplePeople.All[purpose == "ai-training" ? 32 : 31];
        var result = await Handlers.StopAsync(new StopProcessing(Task("s-" + purpose), Identities(subject), purpose), Context(),
            CancellationToken.None);
        Assert.That(await CountAsync(
            "SELECT count(*) FROM crm.customers WHERE id = @CustomerId AND NOT ai_use AND marketing AND profiling", subject),
            Is.EqualTo(1));
        Assert.That(result.Summary, Does.Contain("ai use"));
    }

    [Test]
    public async Task A_purpose_the_CRM_does_not_have_changes_no_flag()
    {
        var subject = SamplePeople.All[33];
        var result = await Handlers.StopAsync(new StopProcessing(Task("s-research"), Identities(subject), "research"), Context(),
            CancellationToken.None);
        Assert.That(await CountAsync(
            "SELECT count(*) FROM crm.customers WHERE id = @CustomerId AND ai_use AND marketing AND profiling", subject), Is.EqualTo(1));
        Assert.That(result.Summary, Does.Contain("does not use customer data for research"));
    }

    // GDPR Art. 15(3): the copy holds the contact's photo and a recorded call, the same bytes every time; the call is marked
    // as concerning others (the agent's voice), so a portability answer leaves it out.
    [Test]
    public async Task An_export_holds_the_contacts_photo_and_a_call_recording()
    {
        var subject = SamplePeople.All[5];
        var command = new ExportSubjectData(Task("files"), Identities(subject), []);
        var first = await Handlers.ExportAsync(command, Context(), CancellationToken.None);
        var again = await Handlers.ExportAsync(command, Context(), CancellationToken.None);
        var other = await Handlers.ExportAsync(new ExportSubjectData(Task("other"), Identities(SamplePeople.All[6]), []), Context(),
            CancellationToken.None);
        var photo = first!.Files.Single(f => f.MediaType == "image/png");
        var call = first.Files.Single(f => f.MediaType == "audio/wav");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(photo.Content[..8], Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "a PNG");
            Assert.That(System.Text.Encoding.ASCII.GetString(call.Content, 0, 4) + System.Text.Encoding.ASCII.GetString(call.Content, 8, 4),
                Is.EqualTo("RIFFWAVE"), "a WAV");
            Assert.That((call.ConcernsOthers, photo.ConcernsOthers, photo.Origin), Is.EqualTo((true, false, "provided")));
            Assert.That(again!.Files.Select(f => f.Content), Is.EqualTo(first.Files.Select(f => f.Content)), "the same bytes");
            Assert.That(other!.Files.Single(f => f.MediaType == "image/png").Content, Is.Not.EqualTo(photo.Content), "each contact's own");
            Assert.That(() => DsarEngine.Connectors.ExportUpload.Prepare(Task("files"), first), Throws.Nothing,
                "the engine's file rules accept them");
        }
    }
}
