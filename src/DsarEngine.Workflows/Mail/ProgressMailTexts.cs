using static DsarEngine.Workflows.Mail.MailTemplates;

namespace DsarEngine.Workflows.Mail;

// What the subject is told while the request runs: that it was received, that proof of identity is needed, and that the
// answer needs more time. Keys are MailTemplates' names; rendering is MailTemplates.Render. A line of an e-mail longer
// than a source line goes on in a second literal (""" + """) whose first line starts with the space between the two
// words, so the text is unchanged.
internal static class ProgressMailTexts
{
    public static readonly IReadOnlyDictionary<(string Template, string Language), (string Subject, string Body)> Texts =
        new Dictionary<(string Template, string Language), (string Subject, string Body)>
        {
            [(RequestReceived, "en")] = (
                "We received your request {reference}",
                """
                Hello{greetingName},

                {organisation} received your {right} request on {receivedOn}. Its reference is {reference}.{routedNote}
                We will answer by {dueOn} at the latest; if we need more time or proof of your identity, we will tell you before then.

                You can follow your request here (keep this link private):
                {statusUrl}

                {organisation}
                """),
            [(RequestReceived, "fr")] = (
                "Nous avons bien reçu votre demande {reference}",
                """
                Bonjour{greetingName},

                {organisation} a reçu votre demande ({right}) le {receivedOn}. Sa référence est {reference}.{routedNote}
                Nous vous répondrons au plus tard le {dueOn} ; s'il nous faut plus de temps ou une preuve de votre identité,
                """ + """
                 nous vous le dirons avant cette date.

                Vous pouvez suivre votre demande ici (gardez ce lien pour vous) :
                {statusUrl}

                {organisation}
                """),
            // GDPR Art. 12(3): the subject is told of the extension, with the reasons, within the first month.
            [(DeadlineExtended, "en")] = (
                "We need more time to answer your request {reference}",
                """
                Hello{greetingName},

                Your {right} request {reference}, received on {receivedOn}, needs more time than the law's first period allows.
                Why: {reason}

                We will answer by {dueOn} at the latest (GDPR Art. 12(3) allows two further months where a request is complex
                """ + """
                 or one of many).
                You can follow your request here: {statusUrl}

                If you disagree, you may complain to a data protection supervisory authority.{authorityNote}

                {organisation}
                """),
            [(DeadlineExtended, "fr")] = (
                "Nous avons besoin de plus de temps pour votre demande {reference}",
                """
                Bonjour{greetingName},

                Votre demande ({right}) {reference}, reçue le {receivedOn}, nécessite plus de temps que le premier délai légal.
                Motif : {reason}

                Nous vous répondrons au plus tard le {dueOn} (l'article 12, paragraphe 3, du RGPD permet de prolonger de deux mois
                """ + """
                 lorsqu'une demande est complexe ou que les demandes sont nombreuses).
                Vous pouvez suivre votre demande ici : {statusUrl}

                Si vous n'êtes pas d'accord, vous pouvez introduire une réclamation auprès d'une autorité de contrôle.{authorityNote}

                {organisation}
                """),
            // GDPR Art. 12(6): reasonable measures to confirm identity; a one-time link and code sent to the address given.
            [(IdentityChallenge, "en")] = (
                "Please confirm it is you: request {reference}",
                """
                Hello{greetingName},

                To protect your data we must check that the {right} request {reference} comes from you.
                Open this link to confirm (valid until {expiresAt}, once):
                {verifyUrl}

                Or enter this code where asked: {code}

                If you did not make this request, ignore this message and nothing will happen.

                {organisation}
                """),
            [(IdentityChallenge, "fr")] = (
                "Merci de confirmer votre identité : demande {reference}",
                """
                Bonjour{greetingName},

                Pour protéger vos données, nous devons vérifier que la demande ({right}) {reference} vient bien de vous.
                Ouvrez ce lien pour confirmer (valable jusqu'au {expiresAt}, une seule fois) :
                {verifyUrl}

                Ou saisissez ce code lorsqu'il vous est demandé : {code}

                Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien ne se passera.

                {organisation}
                """),
        };
}
