using DsarEngine.Workflows.Mail;

namespace DsarEngine.Workflows.Tests.Mail;

// GDPR Art. 12(1) and 28: a processor tells the subject, in their language, who the controller is and how to reach it.
public sealed class RoutingNoticesTests
{
    [Test]
    public void A_referral_names_the_controller_and_its_contact_in_the_subjects_language()
    {
        var contact = RoutingNotices.Contact("privacy@globex.example", "https://globex.example/privacy");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(RoutingNotices.Referred("fr", "Helpdesk Cloud", "Globex", "Globex Corp.", contact),
                Does.Contain("Adressez-la à Globex Corp.\u202F: privacy@globex.example — https://globex.example/privacy"));
            Assert.That(RoutingNotices.Referred("en", "Helpdesk Cloud", "Globex", "Globex Corp.", contact),
                Does.Contain("Please write to Globex Corp.: privacy@globex.example — https://globex.example/privacy"));
            Assert.That(RoutingNotices.Referred("ru", "Helpdesk Cloud", "Globex", "Globex Corp.", contact),
                Does.Contain("направьте его в Globex Corp.: privacy@globex.example — https://globex.example/privacy"));
            Assert.That(RoutingNotices.Contact(null, "https://globex.example/privacy"), Is.EqualTo("https://globex.example/privacy"));
        }
    }

    [Test]
    public void A_forwarded_request_names_the_processor_the_workspace_and_the_controller()
    {
        Assert.That(RoutingNotices.Forwarded("en", "Helpdesk Cloud", "Acme Retail", "Acme Retail SA"),
            Is.EqualTo("You wrote to Helpdesk Cloud about the Acme Retail workspace; Helpdesk Cloud passed your request to Acme Retail SA, "
                + "which is responsible for that data and will answer you."));
    }

    [Test]
    public void A_forwarded_request_is_explained_in_russian_to_a_russian_speaking_subject() =>
        Assert.That(RoutingNotices.Forwarded("ru", "Helpdesk Cloud", "Acme Retail", "Acme Retail SA"),
            Is.EqualTo("Вы обратились в Helpdesk Cloud по поводу рабочего пространства Acme Retail; Ваш запрос передан из "
                + "Helpdesk Cloud в Acme Retail SA — организацию, которая отвечает за эти данные и ответит Вам."));
}
