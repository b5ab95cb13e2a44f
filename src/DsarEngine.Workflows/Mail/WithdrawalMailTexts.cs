using static DsarEngine.Workflows.Mail.MailTemplates;

namespace DsarEngine.Workflows.Mail;

// The confirmation that the subject withdrew their request (Signal.Withdraw). Keys are MailTemplates' names; rendering is
// MailTemplates.Render. It says plainly that what a system already did (an erasure, a correction) is not undone: a
// withdrawal stops the request, it does not restore data (docs/workflows.md, Withdrawal).
internal static class WithdrawalMailTexts
{
    public static readonly IReadOnlyDictionary<(string Template, string Language), (string Subject, string Body)> Texts =
        new Dictionary<(string Template, string Language), (string Subject, string Body)>
        {
            [(RequestWithdrawn, "en")] = (
                "Your request {reference} is withdrawn",
                """
                Hello{greetingName},

                As you asked, we have withdrawn your {right} request {reference}, received on {receivedOn}.
                We will not work on it any further, and you will not receive an answer to it.

                What was already done for your request before you withdrew it cannot be undone: data that one of our systems
                """ + """
                 had already erased or corrected stays erased or corrected.

                If you did not withdraw this request, or if you change your mind, you can make a new request at any time.

                {organisation}
                """),
            [(RequestWithdrawn, "fr")] = (
                "Votre demande {reference} est retirée",
                """
                Bonjour{greetingName},

                Comme vous l'avez demandé, nous avons retiré votre demande ({right}) {reference}, reçue le {receivedOn}.
                Nous ne la traiterons plus, et vous ne recevrez pas de réponse à cette demande.

                Ce qui a déjà été fait pour votre demande avant son retrait ne peut pas être annulé : les données qu'un de nos
                """ + """
                 systèmes avait déjà effacées ou corrigées le restent.

                Si vous n'êtes pas à l'origine de ce retrait, ou si vous changez d'avis, vous pouvez faire une nouvelle demande
                """ + """
                 à tout moment.

                {organisation}
                """),
        };
}
