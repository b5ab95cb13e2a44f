using static DsarEngine.Workflows.Mail.MailTemplates;

namespace DsarEngine.Workflows.Mail;

// Every e-mail to a subject in Russian, in one place so that the language is reviewed at once; the English and French
// texts, and what each message is for (and the law behind it), are in ProgressMailTexts, AnswerMailTexts and
// ConversationMailTexts. Formal Russian: "Вы" capitalised; the organisation signs "С уважением,", and is never the
// subject of a verb (its name's gender is unknown: "Ваш запрос получен", not "X получила"). {greetingName} brings its
// own comma (MailTemplates.GreetingName); dates come written out ("2 ноября 2026 г."), so they follow a verb or
// "не позднее" without a preposition, and a sentence ending with one takes no second full stop. A line longer than a
// source line goes on in a second literal, as elsewhere.
internal static class RussianMailTexts
{
    public static readonly IReadOnlyDictionary<(string Template, string Language), (string Subject, string Body)> Texts =
        new Dictionary<(string Template, string Language), (string Subject, string Body)>
        {
            [(RequestReceived, "ru")] = (
                "Мы получили Ваш запрос {reference}",
                """
                Здравствуйте{greetingName}!

                Ваш запрос ({right}) получен {receivedOn}, номер запроса: {reference}.{routedNote}
                Мы ответим Вам не позднее {dueOn}; если нам потребуется больше времени или подтверждение Вашей личности,
                """ + """
                 мы сообщим Вам об этом до этой даты.

                Следить за ходом рассмотрения запроса можно по ссылке (не передавайте её другим):
                {statusUrl}

                С уважением,
                {organisation}
                """),
            // GDPR Art. 12(3), as in ProgressMailTexts.
            [(DeadlineExtended, "ru")] = (
                "Нам нужно больше времени для ответа на Ваш запрос {reference}",
                """
                Здравствуйте{greetingName}!

                Для рассмотрения Вашего запроса {reference} ({right}), полученного {receivedOn}, требуется больше времени,
                """ + """
                 чем позволяет первоначальный срок, установленный законом.
                Причина: {reason}

                Мы ответим Вам не позднее {dueOn} (статья 12(3) GDPR позволяет продлить срок ещё на два месяца,
                """ + """
                 если запрос сложен или запросов много).
                Следить за ходом рассмотрения запроса можно по ссылке: {statusUrl}

                Если Вы не согласны, Вы можете подать жалобу в надзорный орган по защите персональных данных.{authorityNote}

                С уважением,
                {organisation}
                """),
            // GDPR Art. 12(6), as in ProgressMailTexts.
            [(IdentityChallenge, "ru")] = (
                "Подтвердите, что это Вы: запрос {reference}",
                """
                Здравствуйте{greetingName}!

                Чтобы защитить Ваши данные, мы должны убедиться, что запрос {reference} ({right}) направлен Вами.
                Для подтверждения перейдите по ссылке (она действительна до {expiresAt}; воспользоваться ею можно один раз):
                {verifyUrl}

                Или введите там, где его запросят, этот код: {code}

                Если Вы не направляли этот запрос, просто не отвечайте на это письмо: ничего не произойдёт.

                С уважением,
                {organisation}
                """),
            // GDPR Art. 12(4), as in AnswerMailTexts.
            [(RequestRefused, "ru")] = (
                "Ваш запрос {reference}: наш ответ",
                """
                Здравствуйте{greetingName}!

                Мы не будем исполнять Ваш запрос {reference} ({right}), полученный {receivedOn}
                Причина: {reason}

                Вы можете подать жалобу в надзорный орган по защите персональных данных и обратиться за судебной защитой.
                """ + """
                {authorityNote}

                С уважением,
                {organisation}
                """),
            [(ResponseReady, "ru")] = (
                "Ваш запрос {reference} исполнен",
                """
                Здравствуйте{greetingName}!

                Мы исполнили Ваш запрос {reference} ({right}). Наш ответ доступен по ссылке (не передавайте её другим):
                {packUrl}
                {packNote}

                С уважением,
                {organisation}
                """),
            [(RefusalLetter, "ru")] = (
                "Наше письмо по Вашему запросу {reference}",
                """
                Здравствуйте{greetingName}!

                Наше письмо с объяснением, почему мы не можем исполнить Ваш запрос {reference} ({right}),
                """ + """
                 и как обжаловать это решение, доступно по ссылке (не передавайте её другим):
                {packUrl}
                {packNote}

                С уважением,
                {organisation}
                """),
            [(PackCode, "ru")] = (
                "Код для открытия ответа на запрос {reference}",
                """
                Здравствуйте{greetingName}!

                Кто-то открыл ссылку на ответ по Вашему запросу {reference}. Если это были Вы, введите этот код: {code}
                Код действует один раз в течение 15 минут. Если это были не Вы, не отвечайте на это письмо:
                """ + """
                 без кода ответ останется закрытым.

                С уважением,
                {organisation}
                """),
            // GDPR Art. 28, as in AnswerMailTexts: the processor names the controller who must answer.
            [(RequestReferred, "ru")] = (
                "Ваш запрос о пространстве {workspace}: пожалуйста, обратитесь в {controller}",
                """
                Здравствуйте!

                Вы обратились в {organisation} по поводу рабочего пространства {workspace}.
                """ + """
                 {organisation} обрабатывает эти данные только по поручению {controller}:
                цели и способы их обработки определяет {controller}, поэтому ответить на Ваш запрос должны там
                """ + """
                 (статья 28 GDPR).

                Пожалуйста, направьте Ваш запрос в {controller}: {contact}

                Ваш запрос в {organisation} не сохранён: сохранена лишь запись о перенаправлении запроса по рабочему
                """ + """
                 пространству {workspace}, а также это письмо и адрес, на который оно отправлено.

                С уважением,
                {organisation}
                """),
            [(SubjectMessage, "ru")] = (
                "Сообщение по Вашему запросу {reference}",
                """
                Здравствуйте{greetingName}!

                Сообщение от {organisation} по Вашему запросу {reference} ({right}):

                {message}

                Отвечая, пожалуйста, укажите номер запроса {reference}. Следить за ходом рассмотрения запроса можно по ссылке
                """ + """
                 (не передавайте её другим):
                {statusUrl}

                С уважением,
                {organisation}
                """),
            // GDPR Recital 63, as in ConversationMailTexts.
            [(InformationRequested, "ru")] = (
                "Для ответа на Ваш запрос {reference} нам нужны дополнительные сведения",
                """
                Здравствуйте{greetingName}!

                Чтобы ответить на Ваш запрос {reference} ({right}), нам нужны от Вас дополнительные сведения:

                {message}
                {clockNote}
                Пожалуйста, ответьте, указав номер запроса {reference}. Следить за ходом рассмотрения запроса можно по ссылке
                """ + """
                 (не передавайте её другим):
                {statusUrl}

                С уважением,
                {organisation}
                """),
            // The withdrawal's confirmation, as in WithdrawalMailTexts.
            [(RequestWithdrawn, "ru")] = (
                "Ваш запрос {reference} отозван",
                """
                Здравствуйте{greetingName}!

                Как Вы и просили, Ваш запрос {reference} ({right}), полученный {receivedOn}, отозван.
                Мы больше не будем его рассматривать, и ответа на него Вы не получите.

                То, что уже было сделано по Вашему запросу до его отзыва, отменить нельзя: данные, которые одна из наших систем
                """ + """
                 уже удалила или исправила, остаются удалёнными или исправленными.

                Если Вы не отзывали этот запрос или передумали, Вы можете в любое время подать новый запрос.

                С уважением,
                {organisation}
                """),
        };
}
