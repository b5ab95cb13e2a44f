namespace DsarEngine.Workflows.Tests.Definitions;

// A definition the schema refuses stops the engine with the file, the JSON Pointer into it and what is wrong.
public sealed class SchemaErrorTests
{
    private static string[] Errors(string steps) =>
        DefinitionFolder.ErrorsOf(DefinitionFolder.Definition(steps: steps + """, { "id": "close", "type": "close" }"""));

    [Test]
    public void An_unknown_step_type_is_named_with_its_path() =>
        Assert.That(Errors("""{ "id": "x", "type": "teleport" }"""), Is.EqualTo(new[]
        {
            "broken.json: /steps/0/type: \"teleport\" is not one of verify-identity, acknowledge, assess, fan-out, review, render-pack, deliver, notify-recipients, publish-event, close.",
        }));

    [Test]
    public void An_unknown_connector_action_lists_the_known_ones() =>
        Assert.That(Errors("""{ "id": "x", "type": "fan-out", "action": "wipe" }"""), Is.EqualTo(new[]
        {
            "broken.json: /steps/0/action: \"wipe\" is not one of locate, export, rectify, erase, restrict, lift-restriction, stop-processing.",
        }));

    [Test]
    public void A_fan_out_without_an_action_is_refused() =>
        Assert.That(Errors("""{ "id": "x", "type": "fan-out" }"""), Is.EqualTo(new[] { "broken.json: /steps/0/action: Required." }));

    [Test]
    public void A_publish_event_without_an_event_is_refused() =>
        Assert.That(Errors("""{ "id": "x", "type": "publish-event" }"""), Is.EqualTo(new[] { "broken.json: /steps/0/event: Required." }));

    [Test]
    public void A_parameter_on_a_step_type_it_does_not_belong_to_is_refused() =>
        Assert.That(Errors("""{ "id": "ack", "type": "acknowledge", "timeoutHours": 5 }, { "id": "r", "type": "review", "action": "export" }"""), Is.EqualTo(new[]
        {
            "broken.json: /steps/0/timeoutHours: Unknown property 'timeoutHours'.",
            "broken.json: /steps/1/action: Unknown property 'action'.",
        }));

    [Test]
    public void A_step_without_a_type_is_refused() =>
        Assert.That(Errors("""{ "id": "x", "action": "export" }"""), Is.EqualTo(new[] { "broken.json: /steps/0/type: Required." }));

    // Both the dispatcher and the fan-out shape require an id: the operator is told once.
    [Test]
    public void A_step_without_an_id_is_reported_once() =>
        Assert.That(Errors("""{ "type": "fan-out", "action": "export" }"""), Is.EqualTo(new[] { "broken.json: /steps/0/id: Required." }));

    [Test]
    public void A_version_written_as_a_string_and_an_unknown_member_are_both_named() =>
        Assert.That(DefinitionFolder.ErrorsOf("""
            { "id": "access", "version": "1", "rights": ["access"], "clock": { "remindDaysBefore": [7], "escalateDaysAfter": 0 }, "stepz": [] }
            """), Is.EquivalentTo(new[]
        {
            "broken.json: /steps: Required.",
            "broken.json: /version: Expected integer, found string \"1\".",
            "broken.json: /stepz: Unknown property 'stepz'.",
        }));

    [Test]
    public void Reminders_must_be_positive_and_distinct_days() =>
        Assert.That(DefinitionFolder.ErrorsOf("""
            { "id": "access", "version": 1, "rights": ["access"], "clock": { "remindDaysBefore": [7, 0, 7], "escalateDaysAfter": -1 },
              "steps": [ { "id": "close", "type": "close" } ] }
            """), Is.EquivalentTo(new[]
        {
            "broken.json: /clock/remindDaysBefore/2: 7 appears more than once.",
            "broken.json: /clock/remindDaysBefore/1: Must be at least 1, is 0.",
            "broken.json: /clock/escalateDaysAfter: Must be at least 0, is -1.",
        }));

    [Test]
    public void An_unknown_right_is_refused() =>
        Assert.That(DefinitionFolder.ErrorsOf(DefinitionFolder.Definition(rights: "\"forgetting\"")),
            Is.EqualTo(new[] { "broken.json: /rights/0: \"forgetting\" is not one of access, rectification, erasure, restriction, portability, objection, consent-withdrawal, post-mortem-instructions." }));

    [Test]
    public void Malformed_json_gives_the_line_and_byte() =>
        Assert.That(DefinitionFolder.ErrorsOf("{ \"id\": \"access\",\n  \"version\": }"),
            Is.EqualTo(new[] { "broken.json: (root): Not valid JSON (line 2, byte 14): '}' is an invalid start of a value." }));

    [Test]
    public void A_member_written_twice_is_malformed_rather_than_silently_resolved() =>
        Assert.That(DefinitionFolder.ErrorsOf(DefinitionFolder.Definition().Replace("\"version\": 1", "\"version\": 1, \"version\": 2", StringComparison.Ordinal)),
            Is.EqualTo(new[] { "broken.json: (root): Not valid JSON: Duplicate property 'version' encountered during deserialization." }));
}
