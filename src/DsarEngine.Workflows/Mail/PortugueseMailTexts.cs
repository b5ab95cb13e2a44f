using static DsarEngine.Workflows.Mail.MailTemplates;

namespace DsarEngine.Workflows.Mail;

// Every e-mail to a subject in Portuguese as Brazil writes it ("você"), for LGPD requests (Requests.RegimeLanguages).
// The extension notice and the refusal state law: theirs are in RegimeMailTexts (LGPD), not here. {greetingName} brings
// its own comma ("Olá, Ana Souza,"; MailTemplates.GreetingName). The texts, and what each message is for, are those of
// ProgressMailTexts, AnswerMailTexts, ConversationMailTexts and WithdrawalMailTexts.
internal static class PortugueseMailTexts
{
    public static readonly IReadOnlyDictionary<(string Right, string Language), string> RightNames =
        new Dictionary<(string Right, string Language), string>
        {
            [("access", "pt")] = "acesso aos dados", [("rectification", "pt")] = "correção",
            [("erasure", "pt")] = "eliminação", [("restriction", "pt")] = "bloqueio do tratamento",
            [("portability", "pt")] = "portabilidade", [("objection", "pt")] = "oposição",
            [("consent-withdrawal", "pt")] = "revogação do consentimento",
            [("post-mortem-instructions", "pt")] = "diretivas post mortem",
        };

    public static readonly IReadOnlyDictionary<(string Template, string Language), (string Subject, string Body)> Texts =
        new Dictionary<(string Template, string Language), (string Subject, string Body)>
        {
            [(RequestReceived, "pt")] = (
                "Recebemos a sua solicitação {reference}",
                """
                Olá{greetingName},

                {organisation} recebeu a sua solicitação ({right}) em {receivedOn}. A referência é {reference}.{routedNote}
                Responderemos até {dueOn}, no máximo; se precisarmos de mais tempo ou de uma prova da sua identidade,
                """ + """
                 avisaremos antes dessa data.

                Você pode acompanhar a sua solicitação aqui (não compartilhe este link):
                {statusUrl}

                {organisation}
                """),
            [(IdentityChallenge, "pt")] = (
                "Confirme que é você: solicitação {reference}",
                """
                Olá{greetingName},

                Para proteger os seus dados, precisamos verificar que a solicitação ({right}) {reference} foi feita por você.
                Abra este link para confirmar (válido até {expiresAt}, uma única vez):
                {verifyUrl}

                Ou digite este código quando for pedido: {code}

                Se você não fez esta solicitação, ignore esta mensagem: nada acontecerá.

                {organisation}
                """),
            [(ResponseReady, "pt")] = (
                "A sua solicitação {reference} foi concluída",
                """
                Olá{greetingName},

                Concluímos a sua solicitação ({right}) {reference}. A nossa resposta está disponível aqui (não compartilhe este link):
                {packUrl}
                {packNote}

                {organisation}
                """),
            [(RefusalLetter, "pt")] = (
                "A nossa carta sobre a sua solicitação {reference}",
                """
                Olá{greetingName},

                A nossa carta explicando por que não podemos atender à sua solicitação ({right}) {reference}, e como
                """ + """
                 contestar essa decisão, está aqui (não compartilhe este link):
                {packUrl}
                {packNote}

                {organisation}
                """),
            [(PackCode, "pt")] = (
                "O seu código para abrir a resposta à solicitação {reference}",
                """
                Olá{greetingName},

                Alguém abriu o link da resposta à sua solicitação {reference}. Se foi você, digite este código: {code}
                Ele funciona uma vez, por 15 minutos. Se não foi você, ignore esta mensagem: sem o código, a resposta continua fechada.

                {organisation}
                """),
            [(RequestReferred, "pt")] = (
                "A sua solicitação sobre {workspace}: escreva para {controller}",
                """
                Olá,

                Você escreveu para {organisation} sobre o espaço de trabalho {workspace}. {organisation} apenas trata esses dados
                """ + """
                 em nome de {controller}, que decide como eles são usados e é quem deve responder à sua solicitação
                """ + """
                 (LGPD, art. 39).

                Envie a sua solicitação para {controller}: {contact}

                {organisation} não guardou nenhuma cópia da sua solicitação, apenas o registro de que a encaminhou.

                {organisation}
                """),
            [(SubjectMessage, "pt")] = (
                "Uma mensagem sobre a sua solicitação {reference}",
                """
                Olá{greetingName},

                {organisation} escreve sobre a sua solicitação ({right}) {reference}:

                {message}

                Se responder, cite a referência {reference}. Você pode acompanhar a sua solicitação aqui (não compartilhe este link):
                {statusUrl}

                {organisation}
                """),
            [(InformationRequested, "pt")] = (
                "Precisamos de mais informações para responder à sua solicitação {reference}",
                """
                Olá{greetingName},

                Para responder à sua solicitação ({right}) {reference}, {organisation} precisa de mais informações suas:

                {message}
                {clockNote}
                Responda citando a referência {reference}. Você pode acompanhar a sua solicitação aqui (não compartilhe este link):
                {statusUrl}

                {organisation}
                """),
            [(RequestWithdrawn, "pt")] = (
                "A sua solicitação {reference} foi retirada",
                """
                Olá{greetingName},

                Como você pediu, retiramos a sua solicitação ({right}) {reference}, recebida em {receivedOn}.
                Não trabalharemos mais nela, e você não receberá resposta a ela.

                O que já foi feito antes da retirada não pode ser desfeito: os dados que um dos nossos sistemas já tinha
                """ + """
                 eliminado ou corrigido continuam eliminados ou corrigidos.

                Se você não retirou esta solicitação, ou se mudar de ideia, pode fazer uma nova solicitação a qualquer momento.

                {organisation}
                """),
        };
}
