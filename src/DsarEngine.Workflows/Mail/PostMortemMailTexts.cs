using static DsarEngine.Workflows.Mail.MailTemplates;

namespace DsarEngine.Workflows.Mail;

// France, Loi Informatique et Libertés art. 85: the person a subject designates to carry out their instructions for their
// data after their death is told that the instructions are recorded, and how to ask for them to be carried out. Written in
// the request's language, without the instructions themselves (they are the subject's to share), and without law the
// designee need not know beyond the article.
internal static class PostMortemMailTexts
{
    public static readonly IReadOnlyDictionary<(string Template, string Language), (string Subject, string Body)> Texts =
        new Dictionary<(string Template, string Language), (string Subject, string Body)>
        {
            [(DesigneeNotice, "en")] = (
                "You have been designated to carry out instructions after a death ({reference})",
                """
                Hello,

                A person has recorded with {organisation} instructions for what should happen to their personal data after
                their death, and has designated you to carry them out (French Data Protection Act, article 85; request
                {reference}).

                You need do nothing now. After their death, write to {organisation} quoting the reference {reference}, with
                a copy of the death certificate and your identity document; {organisation} will then carry out the
                instructions. The person may change or revoke them at any time.

                If you do not know this person or do not accept, please tell {organisation}.

                {organisation}
                """),
            [(DesigneeNotice, "fr")] = (
                "Vous avez été désigné(e) pour exécuter des directives post mortem ({reference})",
                """
                Bonjour,

                Une personne a enregistré auprès de {organisation} des directives relatives au sort de ses données
                personnelles après son décès et vous a désigné(e) pour les exécuter (article 85 de la loi Informatique et
                Libertés ; demande {reference}).

                Vous n'avez rien à faire aujourd'hui. Après son décès, écrivez à {organisation} en rappelant la référence
                {reference}, avec une copie de l'acte de décès et de votre pièce d'identité ; {organisation} exécutera alors
                ces directives. La personne peut les modifier ou les révoquer à tout moment.

                Si vous ne connaissez pas cette personne ou n'acceptez pas, merci d'en informer {organisation}.

                {organisation}
                """),
            [(DesigneeNotice, "ru")] = (
                "Вы назначены исполнителем распоряжений на случай смерти ({reference})",
                """
                Здравствуйте!

                Один человек зарегистрировал в {organisation} распоряжения о том, что должно произойти с его персональными
                данными после его смерти, и назначил Вас их исполнителем (статья 85 Закона Франции «Об информатике, файлах
                и свободах»; запрос {reference}).

                Сейчас от Вас ничего не требуется. После его смерти напишите в {organisation}, указав номер {reference}, и
                приложите копию свидетельства о смерти и документа, удостоверяющего Вашу личность; {organisation} исполнит
                эти распоряжения. Этот человек может изменить или отменить их в любое время.

                Если Вы не знаете этого человека или не согласны, сообщите об этом в {organisation}.

                {organisation}
                """),
            [(DesigneeNotice, "pt")] = (
                "Você foi designado para executar diretivas após um falecimento ({reference})",
                """
                Olá,

                Uma pessoa registrou junto a {organisation} diretivas sobre o destino dos seus dados pessoais após o seu
                falecimento e designou você para executá-las (artigo 85 da lei francesa de proteção de dados; solicitação
                {reference}).

                Você não precisa fazer nada agora. Após o falecimento, escreva para {organisation} indicando a referência
                {reference}, com uma cópia da certidão de óbito e do seu documento de identidade; {organisation} executará
                então essas diretivas. A pessoa pode alterá-las ou revogá-las a qualquer momento.

                Se você não conhece essa pessoa ou não aceita, informe {organisation}.

                {organisation}
                """),
        };
}
