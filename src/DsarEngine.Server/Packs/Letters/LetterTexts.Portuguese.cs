namespace DsarEngine.Server.Packs.Letters;

// The letters in Portuguese as Brazil writes it ("você", dates "2 de novembro de 2026"), key by key as in LetterTexts,
// for LGPD requests (Requests.RegimeLanguages). The keys that state law (LawKeys) are not here: Portuguese is written
// only for the LGPD, whose wording is in LetterTexts.Regimes.Lgpd.cs; a GDPR request is not answered in Portuguese.
internal static partial class LetterTexts
{
    private static readonly Dictionary<string, string> Portuguese = new(StringComparer.Ordinal)
    {
        ["access.title"] = "A sua solicitação de acesso aos seus dados pessoais",
        ["erasure.title"] = "A sua solicitação de eliminação dos seus dados pessoais",
        ["rectification.title"] = "A sua solicitação de correção dos seus dados pessoais",
        ["rectification.statement"] =
            "Você também nos pediu para guardar uma declaração complementar com os seus dados. Nós a enviamos a cada um " +
            "dos sistemas acima, para que seja guardada com os seus dados:",
        ["restriction.title"] = "A sua solicitação de bloqueio do tratamento dos seus dados",
        ["objection.title"] = "A sua oposição ao tratamento dos seus dados",
        ["consent-withdrawal.title"] = "A revogação do seu consentimento",
        ["post-mortem-instructions.title"] = "As suas diretivas sobre os seus dados após o seu falecimento",
        ["post-mortem-instructions.article"] = "85 da lei francesa de proteção de dados (Loi Informatique et Libertés)",
        ["post-mortem.meaning"] =
            "Registramos as suas diretivas; você pode alterá-las ou revogá-las a qualquer momento (Loi Informatique et Libertés, art. 85).",
        ["portability.title"] = "Os seus dados, em formato portável",
        ["rectification.article"] = "16", ["restriction.article"] = "18", ["objection.article"] = "21",
        ["consent-withdrawal.article"] = "7(3)", ["portability.article"] = "20",
        ["done.where"] = "O que fizemos, onde e quando",
        ["portability.files"] =
            "O arquivo anexo contém os dados sobre você que mantemos nestes sistemas, um arquivo JSON e um arquivo CSV por " +
            "sistema e categoria; " +
            "o manifest.json lista cada arquivo com o seu resumo SHA-256, para que você possa verificar que nada foi alterado.",
        ["refusal.title"] = "A sua solicitação: por que não podemos atendê-la",
        ["exemptions"] = "Parte dos dados não foi fornecida com base em: {0}.",
        // Honest outcomes (issue 15), written for the LGPD, the only law answered in Portuguese: the ANPD (LGPD art. 18,
        // § 1) and the courts, never the GDPR's articles.
        ["outcome.not-completed"] = "não concluído",
        ["not-completed"] = "O que não conseguimos fazer",
        ["not-completed.text"] =
            "Não conseguimos concluir a sua solicitação em {0}: o sistema indicou um erro ou não respondeu a tempo, portanto " +
            "a sua solicitação não foi executada ali. Você pode nos pedir uma nova tentativa a qualquer momento, citando a " +
            "referência {1}; você também pode peticionar à Autoridade Nacional de Proteção de Dados (ANPD) e recorrer ao " +
            "Poder Judiciário.",
        ["not-searched"] = "Onde não conseguimos pesquisar",
        ["not-searched.text"] =
            "Não conseguimos pesquisar estes sistemas: eles indicaram um erro ou não responderam a tempo. Esta carta, portanto, " +
            "não inclui os dados que eles possam ter sobre você. Você pode nos pedir uma nova pesquisa a qualquer momento, " +
            "citando a referência {0}; você também pode peticionar à ANPD e recorrer ao Poder Judiciário.",
        ["confirmation.incomplete"] =
            "Não encontramos dados pessoais sobre você nos sistemas pesquisados, mas não conseguimos pesquisar todos os " +
            "sistemas; por isso ainda não podemos confirmar que não tratamos nenhum.",
        ["partial"] = "O que não fizemos, e por quê",
        ["partial.intro"] = "Atendemos a sua solicitação apenas em parte, pelo seguinte motivo (LGPD, art. 18, § 4º):",
        ["exemptions.applied"] = "As exceções que aplicamos: {0}.",
        ["objection.meaning.direct-marketing"] =
            "Você se opôs ao uso dos seus dados para marketing direto: não os usamos mais para essa finalidade.",
        ["objection.meaning.research"] =
            "Para fins de pesquisa ou estatística, deixamos de tratar os seus dados, salvo quando a lei permitir o tratamento " +
            "por órgão de pesquisa (LGPD, art. 7º, IV); a tabela acima indica o que cada sistema fez.",
        ["signature.anonymous"] = "Atenciosamente,",
        ["greeting"] = "Prezado(a) {0},",
        ["greeting.anonymous"] = "Prezado(a) Senhor(a),",
        ["intro.national"] = "Recebemos a sua solicitação {0} em {1}. Esta carta responde a ela com base no artigo {2}.",
        ["confirmation.none"] =
            "Procuramos em todos os sistemas que poderiam conter dados pessoais a seu respeito e não encontramos nenhum: " +
            "não tratamos dados pessoais a seu respeito.",
        ["searched"] = "Onde procuramos",
        ["col.purpose"] = "Finalidade", ["col.recipient"] = "Destinatário", ["col.role"] = "Função",
        ["col.period"] = "Prazo ou critérios", ["col.source"] = "Origem", ["col.country"] = "País",
        ["col.safeguard"] = "Garantia",
        ["confirmation"] = "Confirmamos que tratamos dados pessoais a seu respeito.",
        ["controller"] = "Quem somos",
        ["dpo"] = "Encarregado pelo tratamento de dados pessoais",
        ["purposes"] = "Por que tratamos os seus dados e com qual base legal",
        ["categories"] = "Categorias de dados",
        ["recipients"] = "Quem recebe os seus dados",
        ["retention"] = "Por quanto tempo os mantemos",
        ["sources"] = "De onde vieram os dados que não coletamos com você",
        ["automated"] = "Decisões automatizadas",
        ["rights"] = "Os seus direitos",
        ["copy"] = "Uma cópia dos seus dados",
        ["copy.more"] = "Mais {0} registros estão nos arquivos legíveis por máquina desta resposta.",
        ["copy.complete"] =
            "A cópia completa dos seus dados, todos os registros e não apenas as primeiras linhas das tabelas abaixo, está " +
            "no arquivo ZIP {0}, que você baixa junto com esta carta. Ele contém esta carta (letter.pdf), um arquivo JSON e " +
            "um arquivo CSV por sistema e categoria, e o manifest.json, que lista cada arquivo com o seu tamanho e o seu " +
            "resumo SHA-256, para que você possa verificar que nada foi alterado.",
        ["copy.files"] = "Os arquivos de {0}",
        ["copy.more.files"] = "Mais {0} registros estão em {1} e {2} no arquivo ZIP {3}.",
        ["system"] = "Sistema",
        ["erased"] = "O que eliminamos",
        ["kept"] = "O que tivemos de manter, e por quê",
        ["kept.none"] = "Não mantivemos nada.",
        ["backups"] = "As cópias nos nossos backups são excluídas em até {0} dias; se um sistema for restaurado a partir de uma " +
            "delas, seus dados são excluídos dele novamente.",
        ["col.system"] = "Sistema", ["col.outcome"] = "Resultado", ["col.what"] = "O que foi feito", ["col.when"] = "Quando",
        ["col.category"] = "Dados", ["col.basis"] = "Base legal", ["col.until"] = "Mantidos até",
        ["extension-notice.title"] = "A sua solicitação: precisamos de mais tempo para responder",
        ["extension.due"] = "Responderemos até {0}, no máximo.",
        ["identity-request.title"] = "A sua solicitação: confirme que ela foi feita por você",
        ["identity-request.how"] = "Como confirmar",
        ["identity-request.email"] =
            "Abra o link do e-mail que enviamos para o endereço que você nos informou. Ele é válido até {0}.",
        ["identity-request.manual"] =
            "Ou responda com informações que nos permitam reconhecê-lo(a), como o seu número de cliente ou o endereço postal " +
            "da sua conta, citando a referência {0}. Envie apenas o necessário: só pedimos um documento de identidade se não " +
            "pudermos confirmar a sua identidade de outra forma.",
        ["identity-request.use"] =
            "Usamos o que você enviar apenas para confirmar a sua identidade e o guardamos com o registro da sua solicitação.",
        ["identity-request.clock"] = "O prazo para a nossa resposta fica suspenso até recebermos a sua confirmação.",
        ["outcome.done"] = "feito",
        ["outcome.partial"] = "feito em parte",
        ["outcome.not-found"] = "nenhum dado",
        ["signature"] = "Atenciosamente,",
        ["page"] = "Página {0} de {1}",
    };
}
