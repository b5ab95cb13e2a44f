using static DsarEngine.Workflows.Mail.MailTemplates;

namespace DsarEngine.Workflows.Mail;

// GDPR Art. 18(3): the subject who obtained a restriction is told before it is lifted, with the reason and the date
// (Executor.Restriction.cs). The letter beside it says the same (NoticeLetter, restriction-lift-notice).
internal static class RestrictionMailTexts
{
    public static readonly IReadOnlyDictionary<(string Template, string Language), (string Subject, string Body)> Texts =
        new Dictionary<(string Template, string Language), (string Subject, string Body)>
        {
            [(RestrictionLiftNotice, "en")] = (
                "Your request {reference}: the restriction will be lifted",
                """
                Hello{greetingName},

                At your request {reference} we restricted the processing of your personal data.
                We are writing to tell you, before it happens, that this restriction will be lifted on {liftOn}.

                Why: {reason}

                If you disagree, reply through your request's page before that date: {statusUrl}
                You may also lodge a complaint with a supervisory authority.

                {organisation}
                """),
            // LGPD art. 18, IV (bloqueio): written in Portuguese for LGPD requests only (Requests.RegimeLanguages).
            [(RestrictionLiftNotice, "pt")] = (
                "A sua solicitação {reference}: o bloqueio será suspenso",
                """
                Olá{greetingName},

                Atendendo à sua solicitação {reference}, bloqueamos o tratamento dos seus dados pessoais.
                Informamos, antes que isso aconteça, que esse bloqueio será suspenso em {liftOn}.

                Motivo: {reason}

                Se não concordar, responda pela página da sua solicitação antes dessa data: {statusUrl}
                Você também pode peticionar à Autoridade Nacional de Proteção de Dados (ANPD).

                {organisation}
                """),
            [(RestrictionLiftNotice, "fr")] = (
                "Votre demande {reference} : la limitation va être levée",
                """
                Bonjour{greetingName},

                À la suite de votre demande {reference}, nous avons limité le traitement de vos données personnelles.
                Nous vous informons, avant qu'elle ne prenne effet, que cette limitation sera levée le {liftOn}.

                Motif : {reason}

                Si vous n'êtes pas d'accord, répondez depuis la page de votre demande avant cette date : {statusUrl}
                Vous pouvez aussi introduire une réclamation auprès d'une autorité de contrôle.

                {organisation}
                """),
            [(RestrictionLiftNotice, "ru")] = (
                "Ваш запрос {reference}: ограничение обработки будет снято",
                """
                Здравствуйте{greetingName}!

                По Вашему запросу {reference} мы ограничили обработку Ваших персональных данных.
                Сообщаем заранее, что это ограничение будет снято {liftOn}.

                Причина: {reason}

                Если Вы не согласны, ответьте на странице Вашего запроса до этой даты: {statusUrl}
                Вы также можете обратиться с жалобой в надзорный орган.

                {organisation}
                """),
        };
}
