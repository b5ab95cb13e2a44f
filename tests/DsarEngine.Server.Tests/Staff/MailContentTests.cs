using System.Net;
using DsarEngine.Server.Mail;
using DsarEngine.Server.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Staff;

// Review L5: the subject's name greets them in the organisation's e-mails, so public intake must not be able to
// write its own lines (a fake link, an urgent instruction) into a message sent in the organisation's name.
public sealed class MailContentTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [TestCase("Ada\r\n\r\nYour account is locked: http://evil.example/unlock")]
    [TestCase("Ada\nhttp://evil.example")]
    [TestCase("Ada\u2028http://evil.example")]
    [TestCase("Ada\tLovelace")]
    [TestCase("Ada \u202Eelpmaxe.live")]
    public async Task A_name_with_line_breaks_or_control_characters_is_refused_at_intake(string name)
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var body = Submissions.Valid(tenant.Slug);
        body["subject"]!["name"] = name;
        var response = await Engine.CreateClient().SendAsync(Submissions.Post(body));
        var problem = await response.ReadObjectAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), problem.ToJsonString());
            Assert.That((string)problem["errors"]!["subject.name"]![0]!, Does.StartWith("One line of text"));
            Assert.That(await Rows.CountAsync(Engine, "requests", tenant.Id), Is.Zero);
            Assert.That(await Rows.CountAsync(Engine, "mail_messages", tenant.Id), Is.Zero);
        }
    }

    [Test]
    public async Task A_stored_name_with_line_breaks_is_flattened_into_the_greeting_when_the_mail_is_rendered()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "access", Submissions.UniqueEmail("flat"));
        // A row written before intake refused such names (or by another path).
        await Rows.ScalarAsync<int>(Engine, """
            UPDATE requests SET subject = jsonb_set(subject, '{name}',
                to_jsonb(E'Ada\r\n\r\nYour account is locked: http://evil.example/unlock'::text))
            WHERE reference = @reference RETURNING 1
            """, new { reference });
        var mail = (await Engine.Services.GetRequiredService<MailboxStore>().ListAsync(tenant.Id, null, 50, CancellationToken.None))
            .Single(m => m.Template == "request-received");
        var (subject, body) = await Engine.Services.GetRequiredService<MailRenderer>()
            .RenderAsync(mail, MailAudience.Subject, CancellationToken.None);
        var lines = body.ReplaceLineEndings("\n").Split('\n');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines[0], Is.EqualTo("Bonjour Ada Your account is locked: http://evil.example/unlock,"));
            Assert.That(lines.Skip(1), Has.None.Contain("evil.example"), "the name cannot start a line of its own");
            Assert.That(subject, Does.Not.Contain("\n"));
        }
    }
}
