namespace DsarEngine.Workflows.Tests.Definitions;

// A definition the schema refuses stops the engine with the file, the JSON Pointer into it and what is wrong: one
// sentence per broken rule, whatever route through the schema (a $ref, the step dispatcher's if/then) led to it.
public sealed class SchemaErrorTests
{
    private static string[] Errors(string steps) =>
        DefinitionFolder.ErrorsOf(DefinitionFolder.Definition(steps: steps + """, { "id": "close", "type": "close" }"""));

    [Test]
    public void An_unknown_step_type_is_named_with_its_path() =>
        Assert.That(Errors("""{ "id": "x", "type": "teleport" }"""), Is.EqualTo(new[]
        {
            "broken.json: /steps/0/type: \"teleport\" is not one of verify-identity, acknowledge, assess, fan-out, review, render-pack, "
                + "deliver, notify-recipients, publish-event, close.",
        }));

    [Test]
    public void An_unknown_connector_action_lists_the_known_ones() =>
        Assert.That(Errors("""{ "id": "x", "type": "fan-out", "action": "wipe" }"""), Is.EqualTo(new[]
        {
            "broken.json: /steps/0/action: \"wipe\" is not one of locate, export, rectify, erase, restrict, "
                + "lift-restriction, stop-processing, stop-sale-sharing, limit-sensitive-use.",
        }));

    [Test]
    public void A_fan_out_without_an_action_is_refused() =>
        Assert.That(Errors("""{ "id": "x", "type": "fan-out" }"""), Is.EqualTo(new[] { "broken.json: /steps/0/action: Required." }));

    [Test]
    public void A_publish_event_without_an_event_is_refused() =>
        Assert.That(Errors("""{ "id": "x", "type": "publish-event" }"""), Is.EqualTo(new[] { "broken.json: /steps/0/event: Required." }));

    [Test]
    public void A_parameter_on_a_step_type_it_does_not_belong_to_is_refused() =>
        Assert.That(Errors("""{ "id": "ack", "type": "acknowledge", "timeoutHours": 5 }, """
            + """{ "id": "r", "type": "review", "action": "export" }"""), Is.EqualTo(new[]
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

    // The id rule lives in #/$defs/stepId, reached through a $ref from each step shape.
    [Test]
    public void A_step_id_that_breaks_the_id_rule_names_the_rule() =>
        Assert.That(Errors("""{ "id": "Send_Letter", "type": "deliver" }"""),
            Is.EqualTo(new[] { "broken.json: /steps/0/id: \"Send_Letter\" does not match ^[a-z0-9][a-z0-9-]{0,62}$." }));

    [Test]
    public void A_step_written_as_its_id_instead_of_an_object_is_refused() =>
        Assert.That(Errors("\"acknowledge\""),
            Is.EqualTo(new[] { "broken.json: /steps/0: Expected object, found string \"acknowledge\"." }));

    [Test]
    public void A_parameter_of_the_wrong_type_or_out_of_range_is_named() =>
        Assert.That(Errors("""{ "id": "r", "type": "review", "required": "yes" }, """
            + """{ "id": "x", "type": "fan-out", "action": "export", "timeoutHours": 9000 }"""), Is.EqualTo(new[]
        {
            "broken.json: /steps/0/required: Expected boolean, found string \"yes\".",
            "broken.json: /steps/1/timeoutHours: Must be at most 8760, is 9000.",
        }));

    [Test]
    public void A_version_written_as_a_string_and_an_unknown_member_are_both_named() =>
        Assert.That(DefinitionFolder.ErrorsOf("""
            { "id": "access", "version": "1", "rights": ["access"],
              "clock": { "remindDaysBefore": [7], "escalateDaysAfter": 0 }, "stepz": [] }
            """), Is.EquivalentTo(new[]
        {
            "broken.json: /steps: Required.",
            "broken.json: /version: Expected integer, found string \"1\".",
            "broken.json: /stepz: Unknown property 'stepz'.",
        }));

    [Test]
    public void A_workflow_id_description_and_step_list_out_of_bounds_are_named() =>
        Assert.That(DefinitionFolder.ErrorsOf($$"""
            { "id": "Access", "version": 1.5, "description": "{{new string('x', 2001)}}", "rights": ["access"],
              "clock": { "remindDaysBefore": [7], "escalateDaysAfter": 0 }, "steps": [] }
            """), Is.EquivalentTo(new[]
        {
            "broken.json: /id: \"Access\" does not match ^[a-z0-9][a-z0-9-]{1,62}$.",
            "broken.json: /version: Expected integer, found number 1.5.",
            "broken.json: /description: Allows at most 2000 character(s), has 2001.",
            "broken.json: /steps: Needs at least 1 item(s), has 0.",
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
            Is.EqualTo(new[]
            {
                "broken.json: /rights/0: \"forgetting\" is not one of access, rectification, erasure, restriction, portability, objection, "
                    + "consent-withdrawal, post-mortem-instructions, appeal, automated-decision-review, opt-out-of-sale-sharing, "
                    + "limit-sensitive-use.",
            }));

    // RFC 6901: '~' is written ~0 and '/' ~1 in a pointer; the message names the member as it is spelt.
    [Test]
    public void A_member_name_is_escaped_in_the_pointer() =>
        Assert.That(DefinitionFolder.ErrorsOf(DefinitionFolder.Definition()
                .Replace("\"version\": 1", "\"version\": 1, \"a/b~c\": 0", StringComparison.Ordinal)),
            Is.EqualTo(new[] { "broken.json: /a~1b~0c: Unknown property 'a/b~c'." }));

    // The engine stores versions as a 32-bit integer (instances are pinned to them).
    [Test]
    public void A_version_beyond_what_the_engine_stores_is_refused() =>
        Assert.That(DefinitionFolder.ErrorsOf(DefinitionFolder.Definition()
                .Replace("\"version\": 1", "\"version\": 3000000000", StringComparison.Ordinal)),
            Is.EqualTo(new[] { "broken.json: /version: Must be at most 2147483647, is 3000000000." }));

    // JSON Schema counts 2.0 as an integer; the definition then reads it as 2, as an editor checking the file would.
    [Test]
    public void A_whole_number_written_with_a_fraction_is_read_as_that_number()
    {
        using var folder = new DefinitionFolder().With("access.json", DefinitionFolder.Definition(steps: """
            { "id": "collect", "type": "fan-out", "action": "export", "timeoutHours": 24.0 }, { "id": "close", "type": "close" }
            """).Replace("\"version\": 1", "\"version\": 2.0", StringComparison.Ordinal));
        var loaded = folder.Load().All.Single();
        Assert.That((loaded.Version, loaded.Steps[0].TimeoutHours), Is.EqualTo((2, (int?)24)));
    }

    [Test]
    public void Malformed_json_gives_the_line_and_byte() =>
        Assert.That(DefinitionFolder.ErrorsOf("{ \"id\": \"access\",\n  \"version\": }"),
            Is.EqualTo(new[] { "broken.json: (root): Not valid JSON (line 2, byte 14): '}' is an invalid start of a value." }));

    [Test]
    public void A_member_written_twice_is_malformed_rather_than_silently_resolved() =>
        Assert.That(DefinitionFolder.ErrorsOf(DefinitionFolder.Definition()
                .Replace("\"version\": 1", "\"version\": 1, \"version\": 2", StringComparison.Ordinal)),
            Is.EqualTo(new[] { "broken.json: (root): Not valid JSON: Duplicate property 'version' encountered during deserialization." }));
}
