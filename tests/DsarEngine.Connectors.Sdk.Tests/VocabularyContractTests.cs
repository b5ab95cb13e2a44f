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

    // The engine validates intake against the contract's own list (one vocabulary); this proves intake really does.
    [Test]
    public void Intake_accepts_every_identity_type_the_sdk_names_and_no_other()
    {
        // A value in the form each type requires (an address for e-mail, the international form for a phone).
        static string ValueFor(string type) => type switch
        {
            SubjectIdentityTypes.Email => "zoe.alt@example.org",
            SubjectIdentityTypes.Phone => "+33 6 12 34 56 78",
            _ => "x-1",
        };
        static bool Accepted(string type)
        {
            var errors = new IntakeErrors();
            var form = new IntakeForm
            {
                Tenant = "acme", Right = "access",
                Subject = new IntakeSubject
                {
                    Email = "zoe@example.org", Identities = [new IntakeIdentity { Type = type, Value = ValueFor(type) }],
                },
            };
            return IntakeValidator.Validate(form, IntakeOrigin.Public, TimeProvider.System.GetUtcNow(), errors) is not null;
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(SubjectIdentityTypes.All.Where(t => !Accepted(t)), Is.Empty);
            Assert.That(Accepted("national-id"), Is.False);
        }
    }

    [Test]
    public void Every_constant_is_listed_in_All()
    {
        foreach (var type in new[]
        {
            typeof(DataSubjectRights), typeof(SubjectIdentityTypes), typeof(ConnectorActions), typeof(CustomerActions),
            typeof(TaskOutcomes),
        })
        {
            var constants = type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral)
                .Select(f => (string)f.GetValue(null)!);
            var all = (IReadOnlyList<string>)type.GetProperty("All")!.GetValue(null)!;
            Assert.That(all, Is.EquivalentTo(constants).And.Unique, type.Name);
        }
    }

    // The wire contracts (MassTransit names messages by full type name) sit in their own namespace and their own assembly,
    // which references nothing; the helpers that build a connector sit beside it in the SDK. Nothing else is public:
    // hosting internals stay internal.
    [Test]
    public void Contracts_live_in_their_stable_namespace_and_helpers_beside_it()
    {
        var exported = typeof(DataSubjectRights).Assembly.GetExportedTypes();
        var helpers = typeof(DsarConnectorSetup).Assembly.GetExportedTypes();
        var messages = new[] { typeof(IConnectorCommand), typeof(ConnectorTaskCompleted), typeof(ConnectorTaskFailed),
            typeof(ConnectorTaskProgressed), typeof(ExportChunkUploaded), typeof(ExportManifest), typeof(ExportDocument),
            typeof(SubjectErasureRequested), typeof(SubjectErased) };
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exported.Select(t => t.Namespace).Distinct(), Is.EqualTo(new[] { "DsarEngine.Connectors.Contracts" }));
            Assert.That(helpers.Select(t => t.Namespace).Distinct(), Is.EqualTo(new[] { "DsarEngine.Connectors" }));
            Assert.That(exported.Where(t => typeof(IConnectorCommand).IsAssignableFrom(t)).Concat(messages).Select(t => t.Namespace),
                Has.All.EqualTo("DsarEngine.Connectors.Contracts"));
        }
    }
}
