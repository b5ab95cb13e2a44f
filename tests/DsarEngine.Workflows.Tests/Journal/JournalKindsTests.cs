using System.Reflection;
using System.Text.Json;
using DsarEngine.Workflows.Journal;
using DsarEngine.Workflows.Journal.Entries;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Workflows.Tests.Journal;

// One vocabulary: each kind is a constant once, each kind the executor writes has one record, and each record is
// pinned by a golden line (JournalDataTests), so a new kind cannot reach the hash-chained journal unpinned.
public sealed class JournalKindsTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static IEnumerable<string> Constants() =>
        typeof(JournalKinds).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!);

    private static Dictionary<Type, string> Records() =>
        typeof(IJournalData).Assembly.GetTypes().Where(t => t.IsClass && typeof(IJournalData).IsAssignableFrom(t))
            .ToDictionary(t => t,
                t => (string)t.GetProperty(nameof(IncidentEntry.JournalKind), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!);

    [Test]
    public void No_two_kinds_share_a_value()
    {
        var kinds = Constants().ToList();
        Assert.That(kinds, Is.Unique);
        Assert.That(kinds, Has.Count.GreaterThanOrEqualTo(42));
    }

    [Test]
    public void Each_kind_has_at_most_one_record_and_each_record_names_a_kind()
    {
        var records = Records();
        Assert.That(records.Values, Is.Unique);
        Assert.That(records.Values, Is.SubsetOf(Constants()));
    }

    [Test]
    public void Every_record_is_pinned_by_a_golden_line()
    {
        var written = JournalScenarios.All.Values.SelectMany(run => run()).Select(j => j.Kind).ToHashSet();
        Assert.That(Records().Values, Is.SubsetOf(written));
    }

    [Test]
    public void A_journal_effect_takes_its_kind_from_the_record() =>
        Assert.That(Effect.Journal.Of(new ClosedEntry("completed")),
            Is.EqualTo(new Effect.Journal("closed", new ClosedEntry("completed"))));

    // The signal processor writes incidents outside any step as `new { error, attempts }`: the record without a step
    // serialises to exactly that, so the processor can use it without changing its entries.
    [Test]
    public void An_incident_outside_any_step_serialises_as_the_signal_processor_writes_it() =>
        Assert.That(JsonSerializer.Serialize<object>(new IncidentEntry(null, "Definition erasure@9 is not loaded.", 2), Json),
            Is.EqualTo("""{"error":"Definition erasure@9 is not loaded.","attempts":2}"""));
}
