using DsarEngine.Workflows.Mail;

namespace DsarEngine.Workflows.Tests.Mail;

// Review L5, second line of defence: whatever a stored name holds, it greets on one line.
public sealed class MailTextTests
{
    [TestCase("Ada\r\n\r\nClick http://evil.example", "Ada Click http://evil.example")]
    [TestCase("Ada\u2028Lovelace", "Ada Lovelace")]
    [TestCase("\tAda\u0000\u202ELovelace\n", "Ada Lovelace")]
    [TestCase("Zoë Ørsted-Müller", "Zoë Ørsted-Müller")]
    public void Line_breaks_and_control_characters_become_one_space(string name, string expected) =>
        Assert.That(MailText.SingleLine(name), Is.EqualTo(expected));
}
