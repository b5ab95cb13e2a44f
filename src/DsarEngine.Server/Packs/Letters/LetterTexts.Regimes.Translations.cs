namespace DsarEngine.Server.Packs.Letters;

// Regime wordings translated so that the subject keeps their language: PIPEDA in French (Canada's other official
// language; the Act's French name, LPRPDE), the UK GDPR in French and Russian (the GDPR's French and Russian texts with
// the UK's law, authority and territory).
internal static partial class LetterTexts
{
    private static Dictionary<string, string> PipedaFrench => new(StringComparer.Ordinal)
    {
        ["cite"] = "l'annexe 1", ["cite.access"] = "l'article 8 et l'annexe 1, principe 4.9",
        ["cite.rectification"] = "l'annexe 1, principe 4.9.5", ["cite.consent-withdrawal"] = "l'annexe 1, principe 4.3.8",
        ["intro"] = "Nous avons reçu votre demande {0} le {1}. Ce courrier y répond au titre de la Loi sur la protection des " +
            "renseignements personnels et les documents électroniques (LPRPDE), {2}.",
        ["refusal.intro"] = "Nous avons reçu votre demande {0} le {1}. Nous n'y donnerons pas suite, pour la raison suivante " +
            "(LPRPDE, paragraphe 8(7)) :",
        ["refusal.remedy"] = "Vous pouvez déposer une plainte contre cette décision auprès du Commissariat à la protection de la " +
            "vie privée du Canada (LPRPDE, article 11 ; priv.gc.ca) ; après le rapport du commissaire, vous pouvez saisir la " +
            "Cour fédérale (article 14).",
        ["extension.intro"] = "Nous avons reçu votre demande {0} le {1}. Nous devions y répondre dans les 30 jours, au plus tard le " +
            "{2}. La LPRPDE nous permet de prolonger ce délai de 30 jours au plus lorsque le respecter entraverait gravement nos " +
            "activités ou que les consultations nécessaires le rendent impossible, à condition de vous en aviser dans les " +
            "30 premiers jours (paragraphe 8(4)). Nos raisons :",
        ["extension.due"] = "Nous vous répondrons au plus tard le {0}. Vous pouvez déposer une plainte au sujet de cette " +
            "prorogation auprès du Commissariat à la protection de la vie privée du Canada (LPRPDE, alinéa 8(4)b) et " +
            "article 11 ; priv.gc.ca).",
        ["identity-request.intro"] = "Nous avons reçu votre demande {0} le {1}. Avant d'y donner suite, nous devons nous assurer " +
            "qu'elle émane bien de vous, afin que personne d'autre n'obtienne ou ne modifie vos renseignements personnels " +
            "(LPRPDE, annexe 1, principes 4.7 et 4.9).",
        ["transfers"] = "Transferts hors du Canada",
        ["transfers.none"] = "Vos renseignements personnels ne sont pas transférés hors du Canada.",
        ["rights.text"] = "Vous pouvez nous demander de corriger vos renseignements personnels, retirer votre consentement sous " +
            "réserve de restrictions légales ou contractuelles, et contester notre conformité (LPRPDE, annexe 1, principes " +
            "4.3.8, 4.9.5 et 4.10).",
        ["complaint"] = "Vous avez le droit de déposer une plainte auprès du Commissariat à la protection de la vie privée du " +
            "Canada : priv.gc.ca.",
        ["recipients.notified.erasure"] = "Nous informons de la suppression ceux qui traitent vos renseignements personnels pour " +
            "notre compte.",
        ["recipients.notified.rectification"] = "S'il y a lieu, nous transmettons les renseignements corrigés aux tiers qui y ont " +
            "accès (LPRPDE, annexe 1, principe 4.9.5).",
        ["recipients.notified.restriction"] = "Nous informons de la limitation ceux qui traitent vos renseignements personnels " +
            "pour notre compte.",
        ["restriction.meaning"] = "Pendant la limitation, nous ne faisons que conserver vos renseignements personnels.",
        ["objection.meaning"] = "Nous n'utilisons plus vos renseignements personnels à la fin à laquelle vous vous êtes opposé.",
        ["consent.meaning"] = "Vous pouvez retirer votre consentement à tout moment, sous réserve de restrictions légales ou " +
            "contractuelles et d'un préavis raisonnable ; ce retrait ne remet pas en cause ce que nous avons fait auparavant " +
            "(LPRPDE, annexe 1, principe 4.3.8).",
        ["automated.none"] = "Nous ne prenons aucune décision vous concernant fondée exclusivement sur un traitement automatisé.",
    };

    private static Dictionary<string, string> UkFrench => new(StringComparer.Ordinal)
    {
        ["intro"] = "Nous avons reçu votre demande {0} le {1}. Ce courrier y répond au titre de l'article {2} du règlement " +
            "général sur la protection des données du Royaume-Uni (UK GDPR).",
        ["refusal.intro"] = "Nous avons reçu votre demande {0} le {1}. Nous n'y donnerons pas suite, pour la raison suivante " +
            "(article 12(4) du UK GDPR) :",
        ["refusal.remedy"] = "Vous pouvez contester cette décision : introduire une réclamation auprès de l'Information " +
            "Commissioner's Office (ICO), l'autorité de contrôle du Royaume-Uni (article 77 du UK GDPR ; " +
            "ico.org.uk/make-a-complaint), et saisir un tribunal (article 79 du UK GDPR et article 167 du Data Protection " +
            "Act 2018).",
        ["extension.intro"] = "Nous avons reçu votre demande {0} le {1}. Nous devions y répondre au plus tard le {2}. L'article " +
            "12(3) du UK GDPR nous permet de prolonger ce délai de deux mois au plus, compte tenu de la complexité et du nombre " +
            "de demandes, à condition de vous en informer dans le premier mois en indiquant pourquoi. Nos raisons :",
        ["identity-request.intro"] = "Nous avons reçu votre demande {0} le {1}. Avant d'y donner suite, nous devons nous assurer " +
            "qu'elle émane bien de vous, afin que personne d'autre n'obtienne ou ne modifie vos données (article 12(6) du UK GDPR).",
        ["identity-request.clock"] = "Le délai dont nous disposons pour vous répondre court à partir de la réception de votre " +
            "confirmation (article 12A du UK GDPR).",
        ["transfers"] = "Transferts hors du Royaume-Uni",
        ["transfers.none"] = "Vos données ne sont pas transférées hors du Royaume-Uni.",
        ["rights.text"] = "Vous pouvez nous demander de rectifier ou d'effacer vos données, d'en limiter le traitement, et vous " +
            "opposer à leur traitement (articles 16 à 21 du UK GDPR).",
        ["complaint"] = "Vous avez le droit d'introduire une réclamation auprès de l'Information Commissioner's Office (ICO), " +
            "l'autorité de contrôle du Royaume-Uni : ico.org.uk/make-a-complaint.",
        ["recipients.notified.erasure"] = "Nous informons chaque destinataire de vos données de l'effacement (article 19 du " +
            "UK GDPR) ; sur demande, nous vous indiquerons qui ils sont.",
        ["recipients.notified.rectification"] = "Nous informons chaque destinataire de vos données de la rectification (article 19 " +
            "du UK GDPR) ; sur demande, nous vous indiquerons qui ils sont.",
        ["recipients.notified.restriction"] = "Nous informons chaque destinataire de vos données de la limitation (article 19 du " +
            "UK GDPR) ; sur demande, nous vous indiquerons qui ils sont.",
        ["restriction.meaning"] = "Pendant la limitation, nous ne faisons que conserver vos données ; nous vous préviendrons " +
            "avant de la lever (article 18(3) du UK GDPR).",
        ["objection.meaning"] = "Pour la prospection, votre opposition est absolue : nous n'utilisons plus vos données à cette " +
            "fin (article 21(3) du UK GDPR).",
        ["consent.meaning"] = "Le retrait du consentement ne remet pas en cause la licéité du traitement effectué avant ce " +
            "retrait (article 7(3) du UK GDPR).",
        ["automated.none"] = "Nous ne prenons aucune décision vous concernant fondée exclusivement sur un traitement automatisé " +
            "(article 22 du UK GDPR).",
    };

    private static Dictionary<string, string> UkRussian => new(StringComparer.Ordinal)
    {
        ["intro"] = "{1} мы получили Ваш запрос {0}. Настоящим письмом мы отвечаем на него в соответствии со статьёй {2} " +
            "Общего регламента Великобритании по защите персональных данных (UK GDPR).",
        ["refusal.intro"] = "{1} мы получили Ваш запрос {0}. Мы не будем его исполнять по следующей причине " +
            "(статья 12(4) UK GDPR):",
        ["refusal.remedy"] = "Вы можете обжаловать это решение: подать жалобу в Управление Уполномоченного по информации " +
            "(Information Commissioner's Office, ICO) — надзорный орган Великобритании (статья 77 UK GDPR; " +
            "ico.org.uk/make-a-complaint) — и обратиться в суд (статья 79 UK GDPR и статья 167 Data Protection Act 2018).",
        ["extension.intro"] = "{1} мы получили Ваш запрос {0}. Мы должны были ответить на него не позднее {2}, однако " +
            "статья 12(3) UK GDPR позволяет нам продлить этот срок не более чем на два месяца с учётом сложности и количества " +
            "запросов при условии, что мы сообщим Вам об этом в течение первого месяца и укажем причины. Наши причины:",
        ["identity-request.intro"] = "{1} мы получили Ваш запрос {0}. Прежде чем его исполнить, мы должны убедиться, что он " +
            "направлен именно Вами, чтобы никто другой не получил и не изменил Ваши данные (статья 12(6) UK GDPR).",
        ["identity-request.clock"] = "Срок, отведённый нам для ответа, начинает течь со дня получения Вашего подтверждения " +
            "(статья 12A UK GDPR).",
        ["transfers"] = "Передача данных за пределы Великобритании",
        ["transfers.none"] = "Ваши данные не передаются за пределы Великобритании.",
        ["rights.text"] = "Вы можете потребовать от нас исправить или удалить Ваши данные, ограничить их обработку, а также " +
            "возразить против их обработки (статьи 16–21 UK GDPR).",
        ["complaint"] = "Вы вправе подать жалобу в Управление Уполномоченного по информации (Information Commissioner's " +
            "Office, ICO) — надзорный орган Великобритании: ico.org.uk/make-a-complaint.",
        ["recipients.notified.erasure"] = "Мы сообщаем об удалении каждому получателю Ваших данных (статья 19 UK GDPR); по " +
            "Вашему запросу сообщим Вам, кто они.",
        ["recipients.notified.rectification"] = "Мы сообщаем об исправлении каждому получателю Ваших данных (статья 19 UK GDPR); " +
            "по Вашему запросу сообщим Вам, кто они.",
        ["recipients.notified.restriction"] = "Мы сообщаем об ограничении обработки каждому получателю Ваших данных (статья 19 " +
            "UK GDPR); по Вашему запросу сообщим Вам, кто они.",
        ["restriction.meaning"] = "Пока обработка ограничена, мы только храним Ваши данные; до снятия ограничения мы Вас об " +
            "этом уведомим (статья 18(3) UK GDPR).",
        ["objection.meaning"] = "Возражение против обработки в целях прямого маркетинга безусловно: мы больше не используем " +
            "Ваши данные в этих целях (статья 21(3) UK GDPR).",
        ["consent.meaning"] = "Отзыв согласия не влияет на законность обработки, осуществлявшейся до его отзыва " +
            "(статья 7(3) UK GDPR).",
        ["automated.none"] = "Мы не принимаем в отношении Вас решений, основанных исключительно на автоматизированной " +
            "обработке (статья 22 UK GDPR).",
    };
}
