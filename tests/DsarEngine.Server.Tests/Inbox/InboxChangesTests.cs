using DsarEngine.Server.Inbox;
using DsarEngine.Server.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Inbox;

// Live updates: a submission committed for one organisation reaches that organisation's open inbox pages, and only theirs.
public sealed class InboxChangesTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task A_submission_tells_the_inbox_of_its_organisation_and_no_other()
    {
        var mine = await TestTenant.CreateAsync(Engine);
        var other = await TestTenant.CreateAsync(Engine);
        var changes = Engine.Services.GetRequiredService<InboxChanges>();
        var told = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var otherTold = 0;
        using var subscription = changes.Subscribe(mine.Id, () => told.TrySetResult());
        using var otherSubscription = changes.Subscribe(other.Id, () => Interlocked.Increment(ref otherTold));

        await RequestDriver.SubmitAsync(Engine, mine, "access");

        // The deadline only bounds a hang: the NOTIFY arrives at commit.
        Assert.That(async () => await told.Task.WaitAsync(TimeSpan.FromSeconds(30)), Throws.Nothing);
        Assert.That(Volatile.Read(ref otherTold), Is.Zero);
    }

    [Test]
    public async Task A_disposed_subscription_is_told_nothing_more()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var changes = Engine.Services.GetRequiredService<InboxChanges>();
        var gone = 0;
        var still = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changes.Subscribe(tenant.Id, () => Interlocked.Increment(ref gone)).Dispose();
        using var kept = changes.Subscribe(tenant.Id, () => still.TrySetResult());

        await RequestDriver.SubmitAsync(Engine, tenant, "access");

        Assert.That(async () => await still.Task.WaitAsync(TimeSpan.FromSeconds(30)), Throws.Nothing);
        Assert.That(Volatile.Read(ref gone), Is.Zero);
    }
}
