using static DsarEngine.Workflows.Mail.MailTemplates;

namespace DsarEngine.Workflows.Mail;

// The e-mails whose wording depends on the law the request falls under: the extension notice and the refusal. The other
// tables (ProgressMailTexts, AnswerMailTexts, RussianMailTexts, ...) are GDPR's; a regime here replaces them in each
// language Requests.RegimeLanguages lists for it (a test holds every regime to both templates in each). The law is as in
// the letters (Server/Packs/Letters/LetterTexts.Regimes*.cs): UK GDPR Art. 12(3), 12(4), 77; Cal. Civ. Code
// §1798.130(a)(2)(A) (45 + 45 days, no statutory appeal); Virginia, Colorado, Connecticut (45 + 45 days, the appeal
// and the Attorney General in every refusal); PIPEDA s. 8(4), 8(7), 11 (30 + 30 days, the Privacy Commissioner);
// LGPD Art. 18 §1, §4, Art. 19 (no extension, the ANPD); 152-FZ Art. 14, 17, 20 (5 more working days with a reasoned
// notice, Roskomnadzor).
internal static class RegimeMailTexts
{
    public static readonly IReadOnlyDictionary<(string Template, string Regime, string Language), (string Subject, string Body)> Texts =
        WithUsStates(new Dictionary<(string Template, string Regime, string Language), (string Subject, string Body)>
        {
            [(DeadlineExtended, "uk-gdpr", "en")] = (
                "We need more time to answer your request {reference}",
                """
                Hello{greetingName},

                Your {right} request {reference}, received on {receivedOn}, needs more time than the law's first period allows.
                Why: {reason}

                We will answer by {dueOn} at the latest (UK GDPR Article 12(3) allows two further months where requests
                """ + """
                 are complex or numerous).
                You can follow your request here: {statusUrl}

                If you disagree, you may complain to the Information Commissioner's Office (ICO): ico.org.uk/make-a-complaint

                {organisation}
                """),
            [(RequestRefused, "uk-gdpr", "en")] = (
                "Your request {reference}: our answer",
                """
                Hello{greetingName},

                We will not act on your {right} request {reference}, received on {receivedOn}.
                Why: {reason}

                You may complain to the Information Commissioner's Office (ICO), ico.org.uk/make-a-complaint, and apply
                """ + """
                 to a court (UK GDPR Articles 77 and 79).

                {organisation}
                """),
            [(DeadlineExtended, "uk-gdpr", "fr")] = (
                "Nous avons besoin de plus de temps pour votre demande {reference}",
                """
                Bonjour{greetingName},

                Votre demande ({right}) {reference}, reçue le {receivedOn}, nécessite plus de temps que le premier délai légal.
                Motif : {reason}

                Nous vous répondrons au plus tard le {dueOn} (l'article 12, paragraphe 3, du UK GDPR permet de prolonger de
                """ + """
                 deux mois lorsqu'une demande est complexe ou que les demandes sont nombreuses).
                Vous pouvez suivre votre demande ici : {statusUrl}

                Si vous n'êtes pas d'accord, vous pouvez introduire une réclamation auprès de l'Information Commissioner's Office
                """ + """
                 (ICO) : ico.org.uk/make-a-complaint

                {organisation}
                """),
            [(RequestRefused, "uk-gdpr", "fr")] = (
                "Votre demande {reference} : notre réponse",
                """
                Bonjour{greetingName},

                Nous ne donnerons pas suite à votre demande ({right}) {reference}, reçue le {receivedOn}.
                Motif : {reason}

                Vous pouvez introduire une réclamation auprès de l'Information Commissioner's Office (ICO),
                """ + """
                 ico.org.uk/make-a-complaint, et saisir un tribunal (articles 77 et 79 du UK GDPR).

                {organisation}
                """),
            [(DeadlineExtended, "uk-gdpr", "ru")] = (
                "Нам нужно больше времени для ответа на Ваш запрос {reference}",
                """
                Здравствуйте{greetingName}!

                Для рассмотрения Вашего запроса {reference} ({right}), полученного {receivedOn}, требуется больше времени,
                """ + """
                 чем позволяет первоначальный срок, установленный законом.
                Причина: {reason}

                Мы ответим Вам не позднее {dueOn} (статья 12(3) UK GDPR позволяет продлить срок ещё на два месяца,
                """ + """
                 если запрос сложен или запросов много).
                Следить за ходом рассмотрения запроса можно по ссылке: {statusUrl}

                Если Вы не согласны, Вы можете подать жалобу в Information Commissioner's Office (ICO): ico.org.uk/make-a-complaint

                С уважением,
                {organisation}
                """),
            [(RequestRefused, "uk-gdpr", "ru")] = (
                "Ваш запрос {reference}: наш ответ",
                """
                Здравствуйте{greetingName}!

                Мы не будем исполнять Ваш запрос {reference} ({right}), полученный {receivedOn}
                Причина: {reason}

                Вы можете подать жалобу в Information Commissioner's Office (ICO), ico.org.uk/make-a-complaint, и обратиться
                """ + """
                 в суд (статьи 77 и 79 UK GDPR).

                С уважением,
                {organisation}
                """),
            [(DeadlineExtended, "pipeda", "fr")] = (
                "Nous avons besoin de plus de temps pour votre demande {reference}",
                """
                Bonjour{greetingName},

                Votre demande ({right}) {reference}, reçue le {receivedOn}, nécessite plus de temps que les 30 premiers jours.
                Motif : {reason}

                Nous vous répondrons au plus tard le {dueOn} (le paragraphe 8(4) de la LPRPDE permet 30 jours de plus).
                Vous pouvez suivre votre demande ici : {statusUrl}

                Vous pouvez déposer une plainte au sujet de cette prorogation auprès du Commissariat à la protection
                """ + """
                 de la vie privée du Canada : priv.gc.ca

                {organisation}
                """),
            [(RequestRefused, "pipeda", "fr")] = (
                "Votre demande {reference} : notre réponse",
                """
                Bonjour{greetingName},

                Nous ne donnerons pas suite à votre demande ({right}) {reference}, reçue le {receivedOn}.
                Motif : {reason}

                Vous pouvez déposer une plainte contre cette décision auprès du Commissariat à la protection de la vie privée
                """ + """
                 du Canada (LPRPDE, article 11 ; priv.gc.ca).

                {organisation}
                """),
            [(DeadlineExtended, "ccpa", "en")] = (
                "We need more time to answer your request {reference}",
                """
                Hello{greetingName},

                Your {right} request {reference}, received on {receivedOn}, needs more time than the first 45 days.
                Why: {reason}

                We will answer by {dueOn} at the latest: the CCPA allows 45 more days, once, when reasonably necessary
                """ + """
                 (Cal. Civ. Code §1798.130(a)(2)(A)).
                You can follow your request here: {statusUrl}

                {organisation}
                """),
            [(RequestRefused, "ccpa", "en")] = (
                "Your request {reference}: our answer",
                """
                Hello{greetingName},

                We will not act on your {right} request {reference}, received on {receivedOn}.
                Why: {reason}

                The CCPA gives no right to appeal this decision; if you think we are wrong, reply on your request's page
                """ + """
                 ({statusUrl}) and we will look at it again. You may complain to the California Privacy Protection Agency
                """ + """
                 (cppa.ca.gov) or to the California Attorney General (oag.ca.gov/privacy).

                {organisation}
                """),
            [(DeadlineExtended, "pipeda", "en")] = (
                "We need more time to answer your request {reference}",
                """
                Hello{greetingName},

                Your {right} request {reference}, received on {receivedOn}, needs more time than the first 30 days.
                Why: {reason}

                We will answer by {dueOn} at the latest (PIPEDA subsection 8(4) allows up to 30 more days).
                You can follow your request here: {statusUrl}

                You may complain to the Privacy Commissioner of Canada about this extension: priv.gc.ca

                {organisation}
                """),
            [(RequestRefused, "pipeda", "en")] = (
                "Your request {reference}: our answer",
                """
                Hello{greetingName},

                We will not act on your {right} request {reference}, received on {receivedOn}.
                Why: {reason}

                You may complain about this decision to the Privacy Commissioner of Canada (PIPEDA section 11; priv.gc.ca).

                {organisation}
                """),
            [(DeadlineExtended, "lgpd", "pt")] = (
                "Precisamos de mais tempo para responder à sua solicitação {reference}",
                """
                Olá{greetingName},

                A sua solicitação ({right}) {reference}, recebida em {receivedOn}, precisa de mais tempo do que os 15 dias
                """ + """
                 previstos no art. 19, II, da LGPD, que não prevê prorrogação.
                Motivo: {reason}

                Responderemos até {dueOn}, no máximo.
                Você pode acompanhar a sua solicitação aqui: {statusUrl}

                Você pode peticionar à Autoridade Nacional de Proteção de Dados (ANPD): www.gov.br/anpd (LGPD, art. 18, § 1º).

                {organisation}
                """),
            [(RequestRefused, "lgpd", "pt")] = (
                "A sua solicitação {reference}: a nossa resposta",
                """
                Olá{greetingName},

                Não podemos atender à sua solicitação ({right}) {reference}, recebida em {receivedOn}.
                Razões de fato ou de direito (LGPD, art. 18, § 4º): {reason}

                Você pode peticionar à Autoridade Nacional de Proteção de Dados (ANPD), www.gov.br/anpd (LGPD, art. 18, § 1º),
                """ + """
                 e defender os seus direitos em juízo (art. 22).

                {organisation}
                """),
            [(DeadlineExtended, "lgpd", "en")] = (
                "We need more time to answer your request {reference}",
                """
                Hello{greetingName},

                Your {right} request {reference}, received on {receivedOn}, needs more time than the 15 days of LGPD
                """ + """
                 Article 19(II), which provides no extension.
                Why: {reason}

                We will answer by {dueOn} at the latest.
                You can follow your request here: {statusUrl}

                You may petition the National Data Protection Authority (ANPD): www.gov.br/anpd (LGPD Article 18, §1).

                {organisation}
                """),
            [(RequestRefused, "lgpd", "en")] = (
                "Your request {reference}: our answer",
                """
                Hello{greetingName},

                We cannot act on your {right} request {reference}, received on {receivedOn}.
                Reasons of fact or law (LGPD Article 18, §4): {reason}

                You may petition the National Data Protection Authority (ANPD), www.gov.br/anpd (LGPD Article 18, §1),
                """ + """
                 and defend your rights in court (Article 22).

                {organisation}
                """),
            // 152-FZ Art. 20(1): the extension is itself a reasoned notice, with its reasons.
            [(DeadlineExtended, "152-fz", "ru")] = (
                "Мотивированное уведомление о продлении срока ответа на Ваш запрос {reference}",
                """
                Здравствуйте{greetingName}!

                Срок ответа на Ваш запрос {reference} ({right}), полученный {receivedOn}, продлён не более чем на пять рабочих дней
                """ + """
                 (часть 1 статьи 20 Федерального закона № 152-ФЗ).
                Причины продления: {reason}

                Мы ответим Вам не позднее {dueOn}
                Следить за ходом рассмотрения запроса можно по ссылке: {statusUrl}

                Вы вправе обжаловать наши действия в Роскомнадзор (rkn.gov.ru) или в суд (статья 17 Федерального закона № 152-ФЗ).

                С уважением,
                {organisation}
                """),
            [(RequestRefused, "152-fz", "ru")] = (
                "Ваш запрос {reference}: мотивированный отказ",
                """
                Здравствуйте{greetingName}!

                Мы отказываем в исполнении Вашего запроса {reference} ({right}), полученного {receivedOn}
                Основание и причина (часть 2 статьи 20 Федерального закона № 152-ФЗ): {reason}

                Вы вправе обжаловать наши действия или бездействие в Роскомнадзор (rkn.gov.ru) или в суд
                """ + """
                 (статья 17 Федерального закона № 152-ФЗ).

                С уважением,
                {organisation}
                """),
            [(DeadlineExtended, "152-fz", "en")] = (
                "Reasoned notice: more time to answer your request {reference}",
                """
                Hello{greetingName},

                The time to answer your {right} request {reference}, received on {receivedOn}, is extended by no more than five
                """ + """
                 working days (Article 20(1) of Federal Law No. 152-FZ).
                Our reasons: {reason}

                We will answer by {dueOn} at the latest.
                You can follow your request here: {statusUrl}

                You may challenge our action before Roskomnadzor (rkn.gov.ru) or in court (Article 17 of Federal Law No. 152-FZ).

                {organisation}
                """),
            [(RequestRefused, "152-fz", "en")] = (
                "Your request {reference}: our reasoned refusal",
                """
                Hello{greetingName},

                We refuse to act on your {right} request {reference}, received on {receivedOn}.
                Ground and reason (Article 20(2) of Federal Law No. 152-FZ): {reason}

                You may challenge our action or inaction before Roskomnadzor (rkn.gov.ru) or in court
                """ + """
                 (Article 17 of Federal Law No. 152-FZ).

                {organisation}
                """),
        });

    // Virginia, Colorado and Connecticut: 45 days and 45 more (the extension), and every refusal says how to appeal, by
    // when, and that the Attorney General may be contacted if the appeal is denied (Va. Code §59.1-577(C), C.R.S.
    // §6-1-1306(3), Conn. Gen. Stat. §42-518(d)).
    private static Dictionary<(string Template, string Regime, string Language), (string Subject, string Body)> WithUsStates(
        Dictionary<(string Template, string Regime, string Language), (string Subject, string Body)> texts)
    {
        (string Regime, string Law, string Cite, string AppealCite, int AnswerDays, string AttorneyGeneral)[] states =
        [
            ("vcdpa", "VCDPA", "Va. Code §59.1-577(B)", "Va. Code §59.1-577(C)", 60, "the Virginia Attorney General (www.oag.state.va.us)"),
            ("cpa", "CPA", "C.R.S. §6-1-1306(2)", "C.R.S. §6-1-1306(3)", 45, "the Colorado Attorney General (coag.gov)"),
            ("ctdpa", "CTDPA", "Conn. Gen. Stat. §42-518(c)", "Conn. Gen. Stat. §42-518(d)", 60,
                "the Connecticut Attorney General (portal.ct.gov/ag)"),
        ];
        foreach (var s in states)
        {
            texts[(DeadlineExtended, s.Regime, "en")] = (
                "We need more time to answer your request {reference}",
                $$"""
                Hello{greetingName},

                Your {right} request {reference}, received on {receivedOn}, needs more time than the first 45 days.
                Why: {reason}

                We will answer by {dueOn} at the latest: the {{s.Law}} allows 45 more days, once, when reasonably necessary
                """ + $$"""
                 ({{s.Cite}}).
                You can follow your request here: {statusUrl}

                {organisation}
                """);
            texts[(RequestRefused, s.Regime, "en")] = (
                "Your request {reference}: our answer, and how to appeal",
                $$"""
                Hello{greetingName},

                We will not act on your {right} request {reference}, received on {receivedOn}.
                Why: {reason}

                How to appeal ({{s.AppealCite}}): reply on your request's page ({statusUrl}), or write to us quoting {reference},
                """ + $$"""
                 and say that you appeal, within a reasonable period after receiving this message. We will answer your appeal
                """ + $$"""
                 in writing within {{s.AnswerDays}} days of receiving it, saying what we did or did not do and why.
                If we deny your appeal, you may contact {{s.AttorneyGeneral}} to submit a complaint.

                {organisation}
                """);
        }
        return texts;
    }
}
