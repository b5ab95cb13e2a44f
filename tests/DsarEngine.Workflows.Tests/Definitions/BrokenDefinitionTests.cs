using DsarEngine.Workflows.Definitions;

namespace DsarEngine.Workflows.Tests.Definitions;

// A broken definition stops the engine with the file, the JSON path and what is wrong.
public sealed class BrokenDefinitionTests
{
    private static string[] Errors(string json)
    {
        using var folder = new DefinitionFolder().With("broken.json", json);
        var error = Assert.Throws<DefinitionException>(() => DefinitionFiles.Load(folder.Directory.FullName));
        Assert.That(error!.Message, Does.StartWith("Workflow definitions are invalid"));
        return error.Errors.Select(e => e.ToString()).ToArray();
    }

    [Test]
    public void An_unknown_step_type_is_named_with_its_path() =>
        Assert.That(Errors(DefinitionFolder.Definition(steps: """{ "id": "x", "type": "teleport" }, { "id": "close", "type": "close" }""")),
            Has.Some.StartWith("broken.json: /steps/0/type: \"teleport\" is not one of verify-identity"));

    [Test]
    public void An_unknown_action_is_named() =>
        Assert.That(Errors(DefinitionFolder.Definition(steps: """{ "id": "x", "type": "fan-out", "action": "wipe" }, { "id": "close", "type": "close" }""")),
            Has.Some.StartWith("broken.json: /steps/0/action: \"wipe\" is not one of locate"));

    [Test]
    public void A_fan_out_without_an_action_is_refused() =>
        Assert.That(Errors(DefinitionFolder.Definition(steps: """{ "id": "x", "type": "fan-out" }, { "id": "close", "type": "close" }""")),
            Is.EqualTo(new[] { "broken.json: /steps/0/action: Required." }));

    [Test]
    public void A_workflow_without_close_or_with_close_in_the_middle_is_refused()
    {
        Assert.That(Errors(DefinitionFolder.Definition(steps: """{ "id": "ack", "type": "acknowledge" }""")), Is.EqualTo(new[] { "broken.json: /steps: The last step must be 'close'." }));
        Assert.That(Errors(DefinitionFolder.Definition(steps: """{ "id": "close", "type": "close" }, { "id": "ack", "type": "acknowledge" }""")),
            Has.Some.EqualTo("broken.json: /steps/0: 'close' must be the last step."));
    }

    [Test]
    public void A_duplicate_step_id_is_refused() =>
        Assert.That(Errors(DefinitionFolder.Definition(steps: """{ "id": "a", "type": "acknowledge" }, { "id": "a", "type": "deliver" }, { "id": "close", "type": "close" }""")),
            Is.EqualTo(new[] { "broken.json: /steps/1/id: Step id 'a' is used twice." }));

    [Test]
    public void A_wrong_type_or_unknown_property_is_named() =>
        Assert.That(Errors("""{ "id": "access", "version": "1", "rights": ["access"], "clock": { "remindDaysBefore": [], "escalateDaysAfter": 0 }, "stepz": [] }"""),
            Is.EquivalentTo(new[] { "broken.json: /steps: Required.", "broken.json: /version: Expected integer, found string \"1\".", "broken.json: /stepz: Unknown property 'stepz'." }));

    [Test]
    public void A_parameter_on_the_wrong_step_type_is_refused() =>
        Assert.That(Errors(DefinitionFolder.Definition(steps: """{ "id": "ack", "type": "acknowledge", "timeoutHours": 5 }, { "id": "close", "type": "close" }""")),
            Is.EqualTo(new[] { "broken.json: /steps/0/timeoutHours: 'timeoutHours' applies to fan-out steps, not acknowledge." }));

    [Test]
    public void Erasing_in_a_workflow_that_does_not_serve_erasure_is_refused() =>
        Assert.That(Errors(DefinitionFolder.Definition(steps: """{ "id": "x", "type": "fan-out", "action": "erase" }, { "id": "close", "type": "close" }""")),
            Is.EqualTo(new[] { "broken.json: /steps/0/action: 'erase' only belongs in a workflow serving erasure." }));

    [Test]
    public void Malformed_json_gives_the_line() =>
        Assert.That(Errors("{ \"id\": \"access\",\n \"version\": }"), Has.Some.StartWith("broken.json: /: Not valid JSON (line 2"));

    [Test]
    public void Two_workflow_ids_serving_one_right_are_refused()
    {
        using var folder = new DefinitionFolder().With("a.json", DefinitionFolder.Definition("access-a")).With("b.json", DefinitionFolder.Definition("access-b"));
        var error = Assert.Throws<DefinitionException>(() => DefinitionFiles.Load(folder.Directory.FullName));
        Assert.That(error!.Errors.Select(e => e.Message), Is.EqualTo(new[] { "'access' is served by more than one workflow id (access-a, access-b)." }));
    }

    [Test]
    public void A_schema_with_a_keyword_the_validator_does_not_know_is_refused()
    {
        using var folder = new DefinitionFolder().With("access.json", DefinitionFolder.Definition());
        File.WriteAllText(Path.Combine(folder.Directory.FullName, "definition.schema.json"), """{ "type": "object", "patternProperties": {} }""");
        var error = Assert.Throws<InvalidOperationException>(() => DefinitionFiles.Load(folder.Directory.FullName));
        Assert.That(error!.Message, Does.Contain("keyword 'patternProperties' is not supported"));
    }
}
