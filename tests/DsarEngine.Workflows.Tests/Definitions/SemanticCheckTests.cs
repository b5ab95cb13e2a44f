namespace DsarEngine.Workflows.Tests.Definitions;

// Rules the schema cannot express, checked after it has accepted a file.
public sealed class SemanticCheckTests
{
    private static string[] Errors(string steps, string rights = "\"access\"") =>
        DefinitionFolder.ErrorsOf(DefinitionFolder.Definition(rights: rights, steps: steps));

    [Test]
    public void A_workflow_without_close_is_refused() =>
        Assert.That(Errors("""{ "id": "ack", "type": "acknowledge" }"""),
            Is.EqualTo(new[] { "broken.json: /steps: Has no 'close' step; every workflow ends with one." }));

    [Test]
    public void A_close_before_the_last_step_is_refused() =>
        Assert.That(Errors("""{ "id": "close", "type": "close" }, { "id": "ack", "type": "acknowledge" }"""),
            Is.EqualTo(new[] { "broken.json: /steps/0: 'close' must be the last step, and there can be only one." }));

    [Test]
    public void A_second_close_is_refused_even_when_the_last_step_closes() =>
        Assert.That(Errors("""{ "id": "stop", "type": "close" }, { "id": "close", "type": "close" }"""),
            Is.EqualTo(new[] { "broken.json: /steps/0: 'close' must be the last step, and there can be only one." }));

    [Test]
    public void A_duplicate_step_id_names_both_places() =>
        Assert.That(Errors("""{ "id": "a", "type": "acknowledge" }, { "id": "a", "type": "deliver" }, """
                + """{ "id": "close", "type": "close" }"""),
            Is.EqualTo(new[] { "broken.json: /steps/1/id: Step id 'a' is already used by /steps/0." }));

    [TestCase("erase", "erasure")]
    [TestCase("rectify", "rectification")]
    [TestCase("restrict", "restriction")]
    [TestCase("lift-restriction", "restriction")]
    [TestCase("stop-sale-sharing", "opt-out-of-sale-sharing")]
    [TestCase("limit-sensitive-use", "limit-sensitive-use")]
    public void An_action_that_changes_data_needs_the_right_that_asks_for_it(string action, string right)
    {
        var steps = $$"""{ "id": "x", "type": "fan-out", "action": "{{action}}" }, { "id": "close", "type": "close" }""";
        Assert.That(Errors(steps),
            Is.EqualTo(new[] { $"broken.json: /steps/0/action: '{action}' only belongs in a workflow serving {right}." }));
        using var folder = new DefinitionFolder()
            .With("ok.json", DefinitionFolder.Definition(id: right, rights: $"\"{right}\"", steps: steps));
        Assert.That(folder.Load().ForRight(right).Steps[0].Action, Is.EqualTo(action));
    }

    [Test]
    public void Only_an_erasure_workflow_announces_erasure() =>
        Assert.That(Errors("""{ "id": "x", "type": "publish-event", "event": "subject-erased" }, { "id": "close", "type": "close" }"""),
            Is.EqualTo(new[] { "broken.json: /steps/0/event: 'subject-erased' only belongs in a workflow serving erasure." }));

    [Test]
    public void Recipients_are_notified_only_under_Art_19() =>
        Assert.That(Errors("""{ "id": "n", "type": "notify-recipients" }, { "id": "close", "type": "close" }""",
                rights: "\"access\", \"objection\""),
            Is.EqualTo(new[]
            {
                "broken.json: /steps/0/type: 'notify-recipients' (GDPR Art. 19; 11 CCR §7026(f), §7027(g)) only belongs in a "
                    + "workflow serving rectification, erasure, restriction, opt-out-of-sale-sharing, limit-sensitive-use.",
            }));

    // 11 CCR §7026(d), §7027: a CCPA opt-out is not a verifiable request, so no definition version can verify it.
    [TestCase("opt-out-of-sale-sharing")]
    [TestCase("limit-sensitive-use")]
    public void A_California_opt_out_workflow_cannot_verify_identity(string right) =>
        Assert.That(Errors("""{ "id": "v", "type": "verify-identity" }, { "id": "close", "type": "close" }""", rights: $"\"{right}\""),
            Is.EqualTo(new[]
            {
                "broken.json: /steps/0/type: An opt-out of sale/sharing or a request to limit the use of sensitive personal " +
                    "information is never verified (11 CCR §7026(d), §7027): remove 'verify-identity'.",
            }));

    // The command carries the purpose the request names; only objections and consent withdrawals name one.
    [Test]
    public void Stopping_processing_belongs_only_to_the_rights_that_name_a_purpose() =>
        Assert.That(Errors("""{ "id": "s", "type": "fan-out", "action": "stop-processing" }, { "id": "close", "type": "close" }""",
                rights: "\"objection\", \"access\""),
            Is.EqualTo(new[]
            {
                "broken.json: /steps/0/action: 'stop-processing' stops the purpose a request names: only a workflow serving "
                    + "objection or consent-withdrawal.",
            }));

    [Test]
    public void Skipping_the_assessment_for_a_purpose_needs_a_right_with_purposes() =>
        Assert.That(Errors("""{ "id": "a", "type": "assess", "skipForPurposes": ["direct-marketing"] }, """
                + """{ "id": "close", "type": "close" }"""),
            Is.EqualTo(new[]
            {
                "broken.json: /steps/0/skipForPurposes: Only a workflow serving objection or consent-withdrawal "
                    + "has requests with a purpose.",
            }));

    // GDPR Art. 21(1): any purpose but direct marketing leaves grounds to weigh, so the schema lets no definition skip them.
    [Test]
    public void Only_direct_marketing_may_skip_the_assessment() =>
        Assert.That(Errors("""{ "id": "a", "type": "assess", "skipForPurposes": ["profiling"] }, { "id": "close", "type": "close" }""",
                rights: "\"objection\""),
            Has.One.Contains("/steps/0/skipForPurposes/0"));

    [Test]
    public void Every_problem_in_every_file_is_reported_at_once()
    {
        using var folder = new DefinitionFolder()
            .With("a.json", DefinitionFolder.Definition(id: "alpha", steps: """{ "id": "ack", "type": "acknowledge" }"""))
            .With("b.json", DefinitionFolder.Definition(id: "beta", rights: "\"erasure\"",
                steps: """{ "id": "x", "type": "fan-out", "action": "wipe" }, { "id": "x", "type": "close" }"""));
        Assert.That(folder.Errors(), Is.EqualTo(new[]
        {
            "a.json: /steps: Has no 'close' step; every workflow ends with one.",
            "b.json: /steps/0/action: \"wipe\" is not one of locate, export, rectify, erase, restrict, lift-restriction, stop-processing, "
                + "stop-sale-sharing, limit-sensitive-use.",
        }));
    }
}
