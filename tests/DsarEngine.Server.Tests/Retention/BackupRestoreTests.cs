using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Retention;

// A system restored from a backup taken before an erasure reached it has the subject back: an admin records the restore
// and the closed erasure sends that system its erase command again, over the real broker, with the legal holds in force
// now; the answer lands in the request's journal. Backups taken after the erasure, purged requests and bad input change
// nothing the subject relies on.
public sealed class BackupRestoreTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static async Task<(TestTenant Tenant, StubConnector Crm, HttpClient Admin, HttpClient Staff)> OrganisationAsync()
    {
        var crm = await StubConnector.StartAsync($"crm-{Guid.NewGuid():N}"[..13]);
        var tenant = await TestTenant.CreateAsync(Engine);
        await crm.ServeAsync(tenant.Slug);
        var admin = tenant.Staff(Engine, "admin");
        await RequestDriver.RegisterAsync(admin, crm.Name, new { actions = new[] { "erase" } });
        return (tenant, crm, admin, tenant.Staff(Engine, "privacy-officer"));
    }

    private static async Task<(string Reference, string Email)> ErasedAsync(TestTenant tenant, HttpClient staff)
    {
        var email = $"restored-{Guid.NewGuid():N}@example.org";
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "erasure", email);
        // Not RequestDriver.ToFanOutAsync: the stub answers at once, so the fan-out can be over before anyone sees it.
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("identity"), "the identity step");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/identity", new { evidence = "Matched the account e-mail." });
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:assess"), "the assessment");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions", new { step = "assess", outcome = "proceed" });
        await RequestDriver.ApproveUntilClosedAsync(staff, reference);
        return (reference, email);
    }

    private static List<EraseSubjectData> ErasuresOf(StubConnector crm, string email)
    {
        lock (crm.Received)
            return [.. crm.Received.OfType<EraseSubjectData>().Where(c => c.Identities.Any(i => i.Value == email))];
    }

    private static async Task<JsonObject> RecordAsync(HttpClient admin, string connector, DateTimeOffset backupTakenAt)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/staff/backup-restores",
            new { connector, backupTakenAt, note = "Disk failure on crm-db-2; restored from the nightly backup." });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Test]
    public async Task A_restore_from_a_backup_older_than_the_erasure_erases_the_subject_again_with_todays_holds()
    {
        var (tenant, crm, admin, staff) = await OrganisationAsync();
        await using var _ = crm;
        var before = TimeProvider.System.GetUtcNow().AddDays(-1);
        var (reference, email) = await ErasedAsync(tenant, staff);
        Assert.That(ErasuresOf(crm, email), Has.Count.EqualTo(1));
        var hold = await admin.PostAsJsonAsync("/api/v1/staff/legal-holds",
            new { category = "contracts", legalBasis = "Art. 17(3)(e): dispute 2026-31", systems = new[] { crm.Name } });
        Assert.That(hold.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var restore = await RecordAsync(admin, crm.Name, before);
        var view = await TestData.Workflows.WaitForAsync(staff, reference, v => v["tasks"]!.AsArray()
            .Any(t => (string)t!["step"]! == "reapply-erasure" && (string)t["status"]! == "done"), "the erase command's second answer");
        var journal = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/journal");
        var kinds = journal!["entries"]!.AsArray().Select(e => (string)e!["kind"]!).ToList();
        var again = ErasuresOf(crm, email);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(restore["reapplied"]!.AsArray().Select(r => (string)r!), Is.EqualTo(new[] { reference }));
            Assert.That(restore["notReapplied"]!.AsArray(), Is.Empty);
            Assert.That((bool)restore["olderThanAgeOut"]!, Is.False);
            Assert.That(again, Has.Count.EqualTo(2));
            Assert.That(again[1].Keep.Select(k => k.Category), Does.Contain("contracts"), "the hold in force now");
            Assert.That(again[0].Keep.Select(k => k.Category), Does.Not.Contain("contracts"));
            Assert.That(kinds, Does.Contain("erasure-reapplied").And.Contain("erasure-reapply-answered"));
            Assert.That((bool)journal["verified"]!, Is.True, "the chain holds with the new entries");
            Assert.That((string)view["status"]!, Is.EqualTo("closed"));
        }

        // The same restore is listed; recording a backup taken after the erasure sends nothing more.
        var later = await RecordAsync(admin, crm.Name, TimeProvider.System.GetUtcNow());
        var listed = await admin.GetFromJsonAsync<JsonArray>("/api/v1/staff/backup-restores");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(later["reapplied"]!.AsArray(), Is.Empty);
            Assert.That(ErasuresOf(crm, email), Has.Count.EqualTo(2));
            Assert.That(listed!.Select(r => (string)r!["id"]!), Is.EquivalentTo(new[] { (string)restore["id"]!, (string)later["id"]! }));
        }
    }

    [Test]
    public async Task A_purged_request_is_listed_as_not_erased_again_and_an_old_backup_is_flagged_against_the_age_out()
    {
        var (tenant, crm, admin, staff) = await OrganisationAsync();
        await using var _ = crm;
        var (reference, email) = await ErasedAsync(tenant, staff);
        // What the retention purge leaves (RequestPurge): the subject gone from the request.
        await Rows.ScalarAsync<int>(Engine, """
            UPDATE requests SET subject = '{"email":null,"name":null,"identities":[]}'::jsonb, purged_at = now()
            WHERE tenant_id = @TenantId AND reference = @Reference RETURNING 1
            """, new { TenantId = tenant.Id, Reference = reference });

        // The sample register says backups age out within 35 days: a 40-day-old backup should not exist any more.
        var restore = await RecordAsync(admin, crm.Name, TimeProvider.System.GetUtcNow().AddDays(-40));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(restore["reapplied"]!.AsArray(), Is.Empty);
            Assert.That((string)restore["notReapplied"]![0]!["reference"]!, Is.EqualTo(reference));
            Assert.That((string)restore["notReapplied"]![0]!["reason"]!, Does.Contain("purged"));
            Assert.That((int)restore["ageOutDays"]!, Is.EqualTo(35));
            Assert.That((bool)restore["olderThanAgeOut"]!, Is.True);
            Assert.That(ErasuresOf(crm, email), Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task Only_an_admin_records_a_restore_of_one_of_its_own_systems_and_a_refusal_records_nothing()
    {
        var (tenant, crm, admin, staff) = await OrganisationAsync();
        await using var _ = crm;
        var (other, otherCrm, _, _) = await OrganisationAsync();
        await using var __ = otherCrm;
        var now = TimeProvider.System.GetUtcNow();
        var officer = await staff.PostAsJsonAsync("/api/v1/staff/backup-restores",
            new { connector = crm.Name, backupTakenAt = now.AddDays(-1) });
        var foreign = await admin.PostAsJsonAsync("/api/v1/staff/backup-restores",
            new { connector = otherCrm.Name, backupTakenAt = now.AddDays(-1) });
        var future = await admin.PostAsJsonAsync("/api/v1/staff/backup-restores",
            new { connector = crm.Name, backupTakenAt = now.AddDays(1) });
        var empty = await admin.PostAsJsonAsync("/api/v1/staff/backup-restores", new { });
        var malformed = await admin.PostAsync("/api/v1/staff/backup-restores",
            new StringContent("{\"connector\":", System.Text.Encoding.UTF8, "application/json"));
        var problem = await foreign.Content.ReadFromJsonAsync<JsonObject>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(officer.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(foreign.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(foreign.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That((string)problem!["errors"]!["connector"]![0]!, Does.StartWith("Not a connector of your organisation"));
            Assert.That(future.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(malformed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await Rows.CountAsync(Engine, "backup_restores", tenant.Id), Is.Zero);
            Assert.That(await Rows.CountAsync(Engine, "backup_restores", other.Id), Is.Zero);
        }
    }
}
