namespace DsarEngine.Workflows.Mail;

// What a processor's intake answers on screen when a request concerns a customer's workspace, in the subject's
// language (GDPR Art. 12(1)): who the controller is and where the request now is. The e-mail says the same, so the
// answer survives a closed browser tab. GDPR Art. 28(3)(e): the processor assists its customer, it does not answer.
internal static class RoutingNotices
{
    // The customer is on this engine: the request is already in its inbox.
    public static string Forwarded(string language, string processor, string workspace, string controller) =>
        MailTemplates.RoutedNote(language, processor, workspace, controller).Trim();

    // The customer is not on this engine: the subject must write to it; nothing of the request was kept.
    public static string Referred(string language, string processor, string workspace, string controller, string contact) =>
        language switch
        {
            "fr" => $"{processor} traite les données de l'espace {workspace} pour le compte de {controller}, "
                + $"responsable de ces données, qui doit répondre à votre demande. "
                + $"Adressez-la à {controller}\u202F: {contact}. {processor} n'a pas conservé votre demande, seulement "
                + $"la trace d'un renvoi concernant cet espace et, si vous avez indiqué une adresse électronique, le message "
                + $"qui vous y a été envoyé.",
            "ru" => $"{processor} обрабатывает данные рабочего пространства {workspace} по поручению {controller} — "
                + $"организации, которая отвечает за эти данные и должна ответить на Ваш запрос. "
                + $"Пожалуйста, направьте его в {controller}: {contact}. Ваш запрос в {processor} не сохранён: сохранена лишь "
                + $"запись о перенаправлении запроса по этому рабочему пространству и, если Вы указали адрес электронной почты, "
                + $"письмо, отправленное Вам на него.",
            _ => $"{processor} processes the data of the {workspace} workspace on behalf of {controller}, "
                + $"which is responsible for it and must answer your request. "
                + $"Please write to {controller}: {contact}. {processor} has not kept your request, only a record that "
                + $"it referred a request about this workspace and, if you gave an e-mail address, the e-mail it sent you there.",
        };

    // How to reach an outside controller: its e-mail and/or its privacy page.
    public static string Contact(string? email, string? url) => string.Join(" — ", new[] { email, url }.Where(c => c is not null));
}
