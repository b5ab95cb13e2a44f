using static DsarEngine.Workflows.Mail.MailTemplates;

namespace DsarEngine.Workflows.Mail;

// How the subject gets the answer: a refusal and its reasons, the response or the refusal letter behind a link, the
// one-time code that opens it, or, from a processor, a referral to the controller who must answer. Keys are
// MailTemplates' names; rendering is MailTemplates.Render. A line of an e-mail longer than a source line goes on in
// a second literal (""" + """) whose first line starts with the space between the two words, so the text is unchanged.
internal static class AnswerMailTexts
{
    public static readonly IReadOnlyDictionary<(string Template, string Language), (string Subject, string Body)> Texts =
        new Dictionary<(string Template, string Language), (string Subject, string Body)>
        {
            // GDPR Art. 12(4): reasons for not acting, and the right to complain and to a judicial remedy.
            [(RequestRefused, "en")] = (
                "Your request {reference}: our answer",
                """
                Hello{greetingName},

                We will not act on your {right} request {reference}, received on {receivedOn}.
                Why: {reason}

                You may lodge a complaint with a data protection supervisory authority and seek a judicial remedy.{authorityNote}

                {organisation}
                """),
            [(RequestRefused, "fr")] = (
                "Votre demande {reference} : notre réponse",
                """
                Bonjour{greetingName},

                Nous ne donnerons pas suite à votre demande ({right}) {reference}, reçue le {receivedOn}.
                Motif : {reason}

                Vous pouvez introduire une réclamation auprès d'une autorité de contrôle et former un recours juridictionnel.
                """ + """
                {authorityNote}

                {organisation}
                """),
            [(ResponseReady, "en")] = (
                "Your request {reference} is complete",
                """
                Hello{greetingName},

                We have completed your {right} request {reference}. Our answer is available here (keep this link private):
                {packUrl}
                {packNote}

                {organisation}
                """),
            [(ResponseReady, "fr")] = (
                "Votre demande {reference} est traitée",
                """
                Bonjour{greetingName},

                Nous avons traité votre demande ({right}) {reference}. Notre réponse est disponible ici (gardez ce lien pour vous) :
                {packUrl}
                {packNote}

                {organisation}
                """),
            [(RefusalLetter, "en")] = (
                "Our letter about your request {reference}",
                """
                Hello{greetingName},

                Our letter explaining why we cannot act on your {right} request {reference}, and how to challenge that,
                """ + """
                 is here (keep this link private):
                {packUrl}
                {packNote}

                {organisation}
                """),
            [(RefusalLetter, "fr")] = (
                "Notre courrier sur votre demande {reference}",
                """
                Bonjour{greetingName},

                Notre courrier expliquant pourquoi nous ne pouvons pas donner suite à votre demande ({right}) {reference},
                """ + """
                 et comment le contester, est ici (gardez ce lien pour vous) :
                {packUrl}
                {packNote}

                {organisation}
                """),
            [(PackCode, "en")] = (
                "Your code to open the answer to {reference}",
                """
                Hello{greetingName},

                Someone opened the link to the answer to your request {reference}. If it was you, enter this code: {code}
                It works once, for 15 minutes. If it was not you, ignore this message: without the code the answer stays closed.

                {organisation}
                """),
            [(PackCode, "fr")] = (
                "Votre code pour ouvrir la réponse à {reference}",
                """
                Bonjour{greetingName},

                Quelqu'un a ouvert le lien vers la réponse à votre demande {reference}. Si c'est vous, saisissez ce code : {code}
                Il ne sert qu'une fois, pendant 15 minutes. Sinon, ignorez ce message : sans le code, la réponse reste fermée.

                {organisation}
                """),
            // GDPR Art. 28: a processor does not answer for its customer; it tells the subject who the controller is.
            [(RequestReferred, "en")] = (
                "Your request about {workspace}: please write to {controller}",
                """
                Hello,

                You wrote to {organisation} about the {workspace} workspace. {organisation} only processes that data on behalf of
                {controller}, which decides how it is used and is the one to answer your request (GDPR Art. 28).

                Please send your request to {controller}: {contact}

                {organisation} has not kept your request. It keeps only a record that it referred a request about
                """ + """
                 {workspace}, and this e-mail with the address it was sent to.

                {organisation}
                """),
            [(RequestReferred, "fr")] = (
                "Votre demande concernant {workspace} : écrivez à {controller}",
                """
                Bonjour,

                Vous avez écrit à {organisation} au sujet de l'espace {workspace}.
                """ + """
                 {organisation} ne traite ces données que pour le compte de
                {controller}, qui décide de leur usage et doit répondre à votre demande (article 28 du RGPD).

                Adressez votre demande à {controller} : {contact}

                {organisation} n'a pas conservé votre demande. Elle conserve seulement la trace d'un renvoi concernant
                """ + """
                 l'espace {workspace}, ainsi que ce message et l'adresse à laquelle il a été envoyé.

                {organisation}
                """),
        };
}
