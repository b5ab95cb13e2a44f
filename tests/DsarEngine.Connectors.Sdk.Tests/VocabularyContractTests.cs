using System.Reflection;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Connectors.Sdk.Tests;

// The SDK is what connector authors compile against; if it and the engine disagree on a word, commands
// carry values connectors do not recognise. These tests keep the two in step.
public sealed class VocabularyContractTests
{
    [Test]
    public void The_sdk_names_exactly_the_rights_the_engine_accepts() =>
        Assert.That(DataSubjectRights.All, Is.EquivalentTo(Rights.Slugs));

    [Test]
    public void The_sdk_names_exactly_the_identity_types_the_engine_accepts() =>
        Assert.That(SubjectIdentityTypes.All, Is.EquivalentTo(IdentityTypes.All));

    [Test]
    public void Every_constant_is_listed_in_All()
    {
        foreach (var type in new[] { typeof(DataSubjectRights), typeof(SubjectIdentityTypes), typeof(ConnectorActions), typeof(TaskOutcomes) })
        {
            var constants = type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetValue(null)!);
            var all = (IReadOnlyList<string>)type.GetProperty("All")!.GetValue(null)!;
            Assert.That(all, Is.EquivalentTo(constants).And.Unique, type.Name);
        }
    }

    // The full type name is the wire contract (MassTransit's message type): every record that travels lives in
    // the contracts namespace, and the helpers beside them never do.
    [Test]
    public void Wire_records_live_in_their_stable_namespace()
    {
        var exported = typeof(DataSubjectRights).Assembly.GetExportedTypes();
        var wire = exported.Where(t => t.GetMethod("<Clone>$") is not null && t.Namespace != "DsarEngine.Connectors").ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(wire.Select(t => t.Namespace), Has.All.EqualTo("DsarEngine.Connectors.Contracts"));
            Assert.That(wire.Select(t => t.Name), Is.SupersetOf(new[]
            {
                "LocateSubject", "ExportSubjectData", "RectifySubjectData", "EraseSubjectData", "RestrictProcessing", "LiftRestriction",
                "StopProcessing", "ConnectorTaskProgressed", "ConnectorTaskCompleted", "ConnectorTaskFailed", "ExportChunkUploaded",
                "SubjectErasureRequested", "SubjectErased",
            }));
            Assert.That(exported.Select(t => t.Namespace).Distinct(), Is.SubsetOf(new[] { "DsarEngine.Connectors.Contracts", "DsarEngine.Connectors" }));
        }
    }
}
