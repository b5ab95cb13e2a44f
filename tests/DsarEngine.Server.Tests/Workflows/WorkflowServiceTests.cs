using DsarEngine.Server.Tests.TestData;
using DsarEngine.Server.Workflow;
using DsarEngine.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Workflows;

// The service the staff API's workflow endpoints adapt, and the inbox will call in-process: the same reads and the same
// signals, scoped by the caller's organisation.
public sealed class WorkflowServiceTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static WorkflowService Service => Engine.Services.GetRequiredService<WorkflowService>();

    private static async Task<(TestTenant Tenant, string Reference)> WaitingForIdentityAsync()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "access");
        await TestData.Workflows.WaitForAsync(tenant.Staff(Engine, "admin"), reference, TestData.Workflows.WaitingFor("identity"),
            "the identity step");
        return (tenant, reference);
    }

    [Test]
    public async Task It_reads_where_a_request_stands_for_its_own_organisation_only()
    {
        var (tenant, reference) = await WaitingForIdentityAsync();
        var other = await TestTenant.CreateAsync(Engine);
        var found = await Service.FindAsync(tenant.Id, reference, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found?.Instance?.WaitingFor, Is.EqualTo("identity"));
            Assert.That(await Service.FindAsync(other.Id, reference, CancellationToken.None), Is.Null);
        }
    }

    [Test]
    public async Task A_command_that_fits_is_applied_and_returns_the_instance_as_it_is_afterwards()
    {
        var (tenant, reference) = await WaitingForIdentityAsync();
        var result = await Service.SendAsync(tenant.Id, reference,
            new Signal.IdentityVerified("manual", "Matched the account e-mail.", "api-key:test"), CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo(WorkflowCommandStatus.Applied));
            Assert.That(result.Instance!.State.IdentityVerified, Is.True);
        }
    }

    [Test]
    public async Task A_command_the_workflow_is_not_waiting_for_changes_nothing_and_says_where_it_stands()
    {
        var (tenant, reference) = await WaitingForIdentityAsync();
        var result = await Service.SendAsync(tenant.Id, reference, new Signal.Decision("assess", "proceed", null, [], "api-key:test"),
            CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo(WorkflowCommandStatus.NotApplicable));
            Assert.That(result.Instance!.WaitingFor, Is.EqualTo("identity"));
        }
    }

    [Test]
    public async Task Another_organisations_command_finds_no_request_and_changes_nothing()
    {
        var (tenant, reference) = await WaitingForIdentityAsync();
        var other = await TestTenant.CreateAsync(Engine);
        var result = await Service.SendAsync(other.Id, reference,
            new Signal.Close("api-key:intruder", "Closing someone else's request."), CancellationToken.None);
        var after = await Service.FindAsync(tenant.Id, reference, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo(WorkflowCommandStatus.RequestNotFound));
            Assert.That(after?.Instance?.Status, Is.Not.EqualTo(InstanceStatus.Closed));
        }
    }
}
