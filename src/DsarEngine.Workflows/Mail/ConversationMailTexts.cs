using static DsarEngine.Workflows.Mail.MailTemplates;

namespace DsarEngine.Workflows.Mail;

// What a person of the privacy team writes to the subject from the inbox: a message, or a request for the information
// needed to answer (GDPR Recital 63). {message} is the person's text, unsealed only when the mail is sent
// (Conversations/MessageMail); {clockNote} says whether the time to answer is paused meanwhile.
internal static class ConversationMailTexts
{
    public static readonly IReadOnlyDictionary<(string Template, string Language), (string Subject, string Body)> Texts =
        new Dictionary<(string Template, string Language), (string Subject, string Body)>
        {
            [(SubjectMessage, "en")] = (
                "A message about your request {reference}",
                """
                Hello{greetingName},

                {organisation} writes to you about your {right} request {reference}:

                {message}

                If you answer, please quote the reference {reference}. You can follow your request here (keep this link private):
                {statusUrl}

                {organisation}
                """),
            [(SubjectMessage, "fr")] = (
                "Un message au sujet de votre demande {reference}",
                """
                Bonjour{greetingName},

                {organisation} vous écrit au sujet de votre demande ({right}) {reference} :

                {message}

                Si vous répondez, merci de rappeler la référence {reference}. Vous pouvez suivre votre demande ici
                """ + """
                 (gardez ce lien pour vous) :
                {statusUrl}

                {organisation}
                """),
            [(InformationRequested, "en")] = (
                "We need more information to answer your request {reference}",
                """
                Hello{greetingName},

                To answer your {right} request {reference}, {organisation} needs more information from you:

                {message}
                {clockNote}
                Please answer quoting the reference {reference}. You can follow your request here (keep this link private):
                {statusUrl}

                {organisation}
                """),
            [(InformationRequested, "fr")] = (
                "Nous avons besoin de précisions pour répondre à votre demande {reference}",
                """
                Bonjour{greetingName},

                Pour répondre à votre demande ({right}) {reference}, {organisation} a besoin de précisions de votre part :

                {message}
                {clockNote}
                Merci de répondre en rappelant la référence {reference}. Vous pouvez suivre votre demande ici
                """ + """
                 (gardez ce lien pour vous) :
                {statusUrl}

                {organisation}
                """),
        };

    // GDPR Recital 63 and the EDPB Guidelines 01/2022: where the regime allows it, the time to answer waits for the
    // information; the subject is told so, and is told nothing about the clock where it keeps running.
    public static string ClockNote(string language, bool stopped) => !stopped ? "" : language switch
    {
        "fr" => "\nLe délai dont nous disposons pour vous répondre est suspendu jusqu'à ce que nous recevions votre réponse.\n",
        "ru" => "\nСрок, отведённый нам для ответа на Ваш запрос, приостановлен до получения Вашего ответа.\n",
        "pt" => "\nO prazo para a nossa resposta fica suspenso até recebermos a sua resposta.\n",
        _ => "\nThe time we have to answer your request is paused until we receive your answer.\n",
    };
}
