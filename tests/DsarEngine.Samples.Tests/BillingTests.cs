using Dapper;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Samples.BillingConnector;
using DsarEngine.Samples.Common;
using Microsoft.Extensions.Hosting;

namespace DsarEngine.Samples.Tests;

public sealed class BillingTests : SampleFixture
{
    protected override string Schema => BillingSchema.Name;

    protected override IHostedService Seeder(SampleDatabase db) => new BillingSchema(db);

    private BillingHandlers Handlers => new(Db);

    [Test]
    public async Task Erasure_keeps_the_invoices_ten_years_after_the_last_with_the_legal_basis()
    {
        var subject = SamplePeople.Demo[0];
        await using var c = await Db.DataSource.OpenConnectionAsync();
        var last = await c.ExecuteScalarAsync<DateOnly>(
            "SELECT max(issued_on) FROM billing.invoices WHERE account_id = @CustomerId", subject);
        var invoices = await CountAsync("SELECT count(*) FROM billing.invoices WHERE account_id = @CustomerId", subject);
        var result = await Handlers.EraseAsync(new EraseSubjectData(Task("e"), Identities(subject)), Context(), CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Outcome, Is.EqualTo(TaskOutcomes.Partial));
            Assert.That(result.Retained.Single().Category, Is.EqualTo("invoices"));
            Assert.That(result.Retained.Single().LegalBasis, Does.Contain("L123-22"));
            Assert.That(result.Retained.Single().RetainUntil, Is.EqualTo(last.AddYears(10)));
            Assert.That(await CountAsync("SELECT count(*) FROM billing.invoices WHERE account_id = @CustomerId", subject),
                Is.EqualTo(invoices).And.GreaterThan(0));
            Assert.That(await CountAsync("SELECT count(*) FROM billing.payment_methods WHERE account_id = @CustomerId", subject), Is.Zero);
            Assert.That(await CountAsync(
                    "SELECT count(*) FROM billing.accounts WHERE id = @CustomerId AND email IS NULL AND restricted", subject),
                Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Restriction_flips_the_flag_and_lifting_it_flips_it_back()
    {
        var subject = SamplePeople.All[50];
        await Handlers.RestrictAsync(new RestrictProcessing(Task("r"), Identities(subject), null), Context(), CancellationToken.None);
        var restricted = await CountAsync("SELECT count(*) FROM billing.accounts WHERE id = @CustomerId AND restricted", subject);
        await Handlers.LiftAsync(new LiftRestriction(Task("l"), Identities(subject)), Context(), CancellationToken.None);
        Assert.That(restricted, Is.EqualTo(1));
        Assert.That(await CountAsync("SELECT count(*) FROM billing.accounts WHERE id = @CustomerId AND restricted", subject), Is.Zero);
    }

    [Test]
    public async Task An_export_lists_the_invoices_and_masks_the_card()
    {
        var subject = SamplePeople.All[60];
        var document = await Handlers.ExportAsync(new ExportSubjectData(Task("x"), Identities(subject), []), Context(),
            CancellationToken.None);
        Assert.That(document!.Categories.Single(c => c.Category == "invoices").Records,
            Has.Count.EqualTo(await CountAsync("SELECT count(*) FROM billing.invoices WHERE account_id = @CustomerId", subject)));
        Assert.That(document.Categories.Single(c => c.Category == "payment-methods").Records.Single()["card"],
            Does.Match(@"^\*\*\*\* \d{4}$"));
        Assert.That(document.Categories.Single(c => c.Category == "invoices").Records.Select(r => r["amount_eur"]),
            Has.All.Match(@"^\d+\.\d\d$"), "euros and cents, as a person reads them");
    }
}
