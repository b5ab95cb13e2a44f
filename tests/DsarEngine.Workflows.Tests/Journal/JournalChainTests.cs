using DsarEngine.Workflows.Journal;

namespace DsarEngine.Workflows.Tests.Journal;

public sealed class JournalChainTests
{
    private static readonly Guid Tenant = Guid.NewGuid();
    private static readonly Guid Request = Guid.NewGuid();
    private static readonly DateTimeOffset At = new(2025, 5, 1, 8, 30, 0, TimeSpan.Zero);

    private static List<JournalEntry> Chain(int length)
    {
        var entries = new List<JournalEntry>();
        for (var i = 0; i < length; i++)
            entries.Add(JournalChain.Append(entries.LastOrDefault(), Tenant, Request, At.AddMinutes(i), "staff:ada", $"step-{i}",
                $$"""{"n":{{i}}}"""));
        return entries;
    }

    [Test]
    public void An_untouched_chain_verifies() => Assert.That(JournalChain.FirstBroken(Chain(5)), Is.Null);

    [Test]
    public void Editing_an_entry_is_detected_at_that_entry()
    {
        var entries = Chain(5);
        entries[2] = entries[2] with { Data = """{"n":99}""" };
        Assert.That(JournalChain.FirstBroken(entries), Is.EqualTo(3));
    }

    [Test]
    public void Deleting_an_entry_is_detected()
    {
        var entries = Chain(5);
        entries.RemoveAt(1);
        Assert.That(JournalChain.FirstBroken(entries), Is.EqualTo(2));
    }

    [Test]
    public void Rewriting_an_entry_with_a_fresh_hash_breaks_the_next_one()
    {
        var entries = Chain(4);
        var forged = entries[1] with { Actor = "staff:mallory" };
        entries[1] = forged with
        {
            Hash = JournalChain.Compute(forged.PrevHash, forged.RequestId, forged.Seq, forged.At, forged.Actor, forged.Kind, forged.Data),
        };
        Assert.That(JournalChain.FirstBroken(entries), Is.EqualTo(3));
    }

    [Test]
    public void Timestamps_are_truncated_to_what_postgresql_stores()
    {
        var entry = JournalChain.Append(null, Tenant, Request, At.AddTicks(1234567), "subject", "received", "{}");
        Assert.That(entry.At.UtcTicks % 10, Is.Zero);
    }
}
