using System.Net;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Staff;

public sealed class SmtpDeliveryTests
{
    [Test]
    public async Task With_an_smtp_server_configured_the_acknowledgement_is_sent_and_marked_sent()
    {
        await using var smtp = new SmtpSink();
        await using var engine = await EngineFactory.StartAsync(new Dictionary<string, string?>
        {
            ["Dsar:Mail:SmtpHost"] = "127.0.0.1",
            ["Dsar:Mail:SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Dsar:Mail:PollSeconds"] = "1",
        });
        var tenant = await TestTenant.CreateAsync(engine);
        var body = Submissions.Valid(tenant.Slug);
        var response = await engine.CreateClient().SendAsync(Submissions.Post(body));
        var reference = (string)(await response.ReadObjectAsync())["reference"]!;

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var message = await smtp.Messages.Reader.ReadAsync(timeout.Token);
        // The message is marked sent after the server accepted it; wait for that commit, bounded.
        var sent = false;
        while (!sent && !timeout.IsCancellationRequested)
        {
            sent = await Rows.ScalarAsync<bool>(engine, "SELECT sent_at IS NOT NULL FROM mail_messages WHERE tenant_id = @id", new { id = tenant.Id });
            if (!sent)
                await Task.Delay(50, CancellationToken.None);
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(message, Does.Contain($"To: {body["subject"]!["email"]}"));
            Assert.That(DecodedBody(message), Does.Contain(reference).And.Contain("Nous vous répondrons au plus tard"));
            Assert.That(sent, Is.True);
        }
    }

    // Non-ASCII text (French) goes over SMTP as base64; read it back as the recipient's client would.
    private static string DecodedBody(string message)
    {
        var parts = message.Split("\r\n\r\n", 2);
        if (parts.Length < 2)
            parts = message.Split("\n\n", 2);
        return parts[0].Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase)
            ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(parts[1].Split('\n', '\r'))))
            : parts[1];
    }
}
