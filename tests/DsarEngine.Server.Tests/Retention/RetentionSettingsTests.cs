using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Retention;
using DsarEngine.Server.Settings;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Retention;

// GET/PUT /api/v1/staff/settings/retention: safe defaults until an admin saves periods; a bad set changes nothing.
public sealed class RetentionSettingsTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static RetentionStore Store => Engine.Services.GetRequiredService<RetentionStore>();

    private static readonly object[] BadSettings =
    [
        new object[] { new RetentionSettings(30, 90, 90, 365, 10), "requestsDays", "Between 30 and 3650 days" },
        new object[] { new RetentionSettings(30, 90, 90, 400, 365), "mailDays", "At most requestsDays (365)" },
        new object[] { new RetentionSettings(0, 90, 90, 365, 1825), "exportsDays", "Between 1 and 3650 days" },
        new object[] { new RetentionSettings(30, null, 90, 365, 1825), "packsDays", "Required" },
        new object[] { new RetentionSettings(30, 90, 4000, 365, 1825), "documentsDays", "Between 1 and 3650 days" },
    ];

    [TestCaseSource(nameof(BadSettings))]
    public async Task A_bad_period_is_refused_with_its_field_named_and_nothing_changes(object settings, string field, string says)
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var result = await Engine.Services.GetRequiredService<RetentionAdmin>().SaveAsync(
            AccountPages.Principal(tenant, StaffRoles.Admin), (RetentionSettings)settings, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Outcome, Is.EqualTo(SettingsChange.Invalid));
            Assert.That(result.Errors.Keys, Is.EqualTo(new[] { field }));
            Assert.That(result.Message, Does.Contain(says));
            Assert.That(await Store.FindAsync(tenant.Id, CancellationToken.None), Is.EqualTo(RetentionSettings.Default));
        }
    }

    [Test]
    public async Task The_staff_api_reads_the_defaults_replaces_them_and_refuses_a_bad_set_with_problem_json()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var admin = tenant.Staff(Engine, StaffRoles.Admin);
        var defaults = await tenant.Staff(Engine, StaffRoles.Auditor).GetFromJsonAsync<JsonObject>("/api/v1/staff/settings/retention");
        var put = await admin.PutAsJsonAsync("/api/v1/staff/settings/retention",
            new { exportsDays = 7, packsDays = 60, documentsDays = 30, mailDays = 180, requestsDays = 1095 });
        var bad = await admin.PutAsJsonAsync("/api/v1/staff/settings/retention",
            new { exportsDays = 7, packsDays = 60, documentsDays = 30, mailDays = 2000, requestsDays = 1095 });
        var byAuditor = await tenant.Staff(Engine, StaffRoles.Auditor).PutAsJsonAsync("/api/v1/staff/settings/retention",
            new { exportsDays = 1, packsDays = 1, documentsDays = 1, mailDays = 1, requestsDays = 30 });
        var problem = await bad.ReadObjectAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(defaults!.ToJsonString(), Is.EqualTo(
                """{"exportsDays":30,"packsDays":90,"documentsDays":90,"mailDays":365,"requestsDays":1825}"""));
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());
            Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(bad.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem["errors"]!["mailDays"]![0]!.GetValue<string>(), Does.Contain("At most requestsDays (1095)"));
            Assert.That(byAuditor.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await Store.FindAsync(tenant.Id, CancellationToken.None), Is.EqualTo(new RetentionSettings(7, 60, 30, 180, 1095)));
        }
    }
}
