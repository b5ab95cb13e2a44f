using static DsarEngine.Workflows.Mail.MailTemplates;

namespace DsarEngine.Workflows.Mail;

// GDPR Art. 20(2): the e-mails to the controller a subject asked us to transmit their data to directly. The link opens
// only with a one-time code sent to the same address (TransmissionCode); each download is journaled. Written in the
// request's language, citing no law (the request may fall under another law's portability), and without the subject's
// name (the archive itself says whose data it is).
internal static class TransmissionMailTexts
{
    public static readonly IReadOnlyDictionary<(string Template, string Language), (string Subject, string Body)> Texts =
        new Dictionary<(string Template, string Language), (string Subject, string Body)>
        {
            [(TransmissionReady, "en")] = (
                "Personal data transmitted to you at a data subject's request ({reference})",
                """
                Hello,

                A data subject asked {organisation} to transmit their personal data directly to you (request
                {reference}). The data are in a ZIP archive (JSON and CSV files with a manifest of SHA-256 digests):
                {transmissionUrl}

                Opening the link sends a one-time code to this address; the link works until {transmissionExpiresOn}.
                Each download is recorded. If this message did not reach the right person, please tell {organisation}.

                {organisation}
                """),
            [(TransmissionReady, "fr")] = (
                "Données personnelles transmises à la demande d'une personne concernée ({reference})",
                """
                Bonjour,

                Une personne concernée a demandé à {organisation} de vous transmettre directement ses données personnelles
                (demande {reference}). Les données sont dans une archive ZIP (fichiers JSON
                et CSV avec un manifeste des empreintes SHA-256) :
                {transmissionUrl}

                En ouvrant le lien, vous recevrez un code à usage unique à cette adresse ; le lien est valable jusqu'au
                {transmissionExpiresOn}. Chaque téléchargement est enregistré. Si ce message ne vous est pas destiné, merci
                d'en informer {organisation}.

                {organisation}
                """),
            [(TransmissionReady, "ru")] = (
                "Персональные данные, переданные Вам по просьбе субъекта данных ({reference})",
                """
                Здравствуйте!

                Субъект данных попросил {organisation} передать его персональные данные непосредственно Вам (запрос
                {reference}). Данные находятся в ZIP-архиве (файлы JSON и CSV с манифестом хеш-сумм SHA-256):
                {transmissionUrl}

                Когда Вы откроете ссылку, на этот адрес придёт одноразовый код; ссылка действительна до {transmissionExpiresOn}.
                Каждое скачивание регистрируется. Если это письмо адресовано не Вам, сообщите, пожалуйста, {organisation}.

                {organisation}
                """),
            [(TransmissionReady, "pt")] = (
                "Dados pessoais transmitidos a pedido de um titular ({reference})",
                """
                Olá,

                Um titular de dados pediu a {organisation} que transmitisse os seus dados pessoais diretamente a você
                (solicitação {reference}). Os dados estão em um arquivo ZIP (arquivos JSON e CSV com um manifesto de resumos
                SHA-256):
                {transmissionUrl}

                Ao abrir o link, você receberá um código de uso único neste endereço; o link funciona até
                {transmissionExpiresOn}. Cada download é registrado. Se esta mensagem não é para você, avise {organisation}.

                {organisation}
                """),
            [(TransmissionCode, "en")] = (
                "Your code to open the data transmitted for {reference}",
                """
                Hello,

                Someone opened the link to the data {organisation} transmits to you for request {reference}. If it was you,
                enter this code: {code}
                It works once, for 15 minutes. If it was not you, ignore this message: without the code the data stay closed.

                {organisation}
                """),
            [(TransmissionCode, "fr")] = (
                "Votre code pour ouvrir les données transmises pour {reference}",
                """
                Bonjour,

                Quelqu'un a ouvert le lien vers les données que {organisation} vous transmet pour la demande {reference}.
                Si c'est vous, saisissez ce code : {code}
                Il ne sert qu'une fois, pendant 15 minutes. Sinon, ignorez ce message : sans le code, les données restent fermées.

                {organisation}
                """),
            [(TransmissionCode, "ru")] = (
                "Ваш код для открытия данных, переданных по запросу {reference}",
                """
                Здравствуйте!

                Кто-то открыл ссылку на данные, которые {organisation} передаёт Вам по запросу {reference}. Если это были Вы,
                введите код: {code}
                Код действует один раз в течение 15 минут. Если это были не Вы, не обращайте внимания на это письмо: без кода
                данные не откроются.

                {organisation}
                """),
            [(TransmissionCode, "pt")] = (
                "O seu código para abrir os dados transmitidos para {reference}",
                """
                Olá,

                Alguém abriu o link para os dados que {organisation} transmite a você para a solicitação {reference}. Se foi
                você, digite este código: {code}
                Ele funciona uma vez, por 15 minutos. Se não foi você, ignore esta mensagem: sem o código os dados continuam
                fechados.

                {organisation}
                """),
        };
}
