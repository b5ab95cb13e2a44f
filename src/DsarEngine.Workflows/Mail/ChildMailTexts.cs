using static DsarEngine.Workflows.Mail.MailTemplates;

namespace DsarEngine.Workflows.Mail;

// Legal review row 51 (GDPR Art. 8, 17(1)(f); seed 002: "children's data is deleted; parents have rights"): the organisation
// learned that data it holds concerns a child under its age threshold and erases it on its own initiative. The child is
// never written to; a parent or guardian whose address is known is told, in the request's language, what is happening and
// how to act for the child. Nothing here asks the parent to do anything for the erasure to happen.
internal static class ChildMailTexts
{
    public static readonly IReadOnlyDictionary<(string Template, string Language), (string Subject, string Body)> Texts =
        new Dictionary<(string Template, string Language), (string Subject, string Body)>
        {
            [(ChildDataErasure, "en")] = (
                "We are deleting your child's data ({reference})",
                """
                Hello,

                {organisation} has learned that personal data it holds concerns a child under {ageUnder} ({child}). We do
                not keep children's data, so on our own initiative we are deleting it from every system that holds it (reference
                {reference}). You need do nothing for this to happen.

                Data that a law obliges us to keep is kept only as long as that law requires, then deleted.

                As the child's parent or guardian you may ask what was deleted and what was kept and why, or tell us that the
                child is not under {ageUnder}: write to {organisation} quoting {reference}, with proof that you are the child's
                parent or guardian. You may also complain to the data protection authority.

                {organisation}
                """),
            [(ChildDataErasure, "fr")] = (
                "Nous supprimons les données de votre enfant ({reference})",
                """
                Bonjour,

                {organisation} a appris que des données personnelles qu'elle détient concernent un enfant de moins de {ageUnder} ans
                ({child}). Nous ne conservons pas de données d'enfants : de notre propre initiative, nous les supprimons
                de tous les systèmes qui les détiennent (référence {reference}). Vous n'avez rien à faire pour cela.

                Les données qu'une loi nous oblige à conserver ne le sont que le temps que cette loi exige, puis sont
                supprimées.

                En tant que parent ou tuteur de l'enfant, vous pouvez nous demander ce qui a été supprimé, ce qui a été conservé
                et pourquoi, ou nous signaler que l'enfant n'a pas moins de {ageUnder} ans : écrivez à {organisation} en
                rappelant la référence {reference}, avec la preuve de votre qualité de parent ou de tuteur. Vous pouvez aussi
                adresser une réclamation à l'autorité de protection des données.

                {organisation}
                """),
            [(ChildDataErasure, "ru")] = (
                "Мы удаляем данные Вашего ребёнка ({reference})",
                """
                Здравствуйте!

                {organisation} стало известно, что обрабатываемые нами персональные данные относятся к ребёнку младше
                {ageUnder} лет ({child}). Мы не храним данные детей, поэтому по собственной инициативе удаляем их из всех систем,
                где они есть (номер {reference}). От Вас для этого ничего не требуется.

                Данные, которые мы обязаны хранить по закону, хранятся только в течение срока, установленного этим законом, и
                затем удаляются.

                Как родитель или опекун ребёнка Вы можете узнать, какие данные удалены, какие сохранены и почему, или сообщить
                нам, что ребёнку не меньше {ageUnder} лет: напишите в {organisation}, указав номер {reference}, и приложите
                документ, подтверждающий, что Вы родитель или опекун ребёнка. Вы также вправе обратиться в уполномоченный
                орган по защите прав субъектов персональных данных.

                {organisation}
                """),
            [(ChildDataErasure, "pt")] = (
                "Estamos excluindo os dados do seu filho ou filha ({reference})",
                """
                Olá,

                {organisation} soube que dados pessoais que mantém dizem respeito a uma criança com menos de
                {ageUnder} anos ({child}). Não mantemos dados de crianças; por iniciativa própria, estamos excluindo-os de todos os
                sistemas que os mantêm (referência {reference}). Você não precisa fazer nada para isso.

                Os dados que uma lei nos obriga a manter são mantidos apenas pelo tempo que essa lei exige e depois excluídos.

                Como pai, mãe ou responsável legal da criança, você pode perguntar o que foi excluído, o que foi mantido e por
                quê, ou nos informar que a criança não tem menos de {ageUnder} anos: escreva para {organisation} indicando a
                referência {reference}, com a prova de que é o responsável legal da criança. Você também pode apresentar uma
                reclamação à autoridade de proteção de dados.

                {organisation}
                """),
        };

    // How the mail names the child when the report gave no name.
    public static string Unnamed(string language) => language switch
    {
        "fr" => "votre enfant",
        "ru" => "Ваш ребёнок",
        "pt" => "seu filho ou filha",
        _ => "your child",
    };
}
