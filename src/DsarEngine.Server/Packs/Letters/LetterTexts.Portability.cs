namespace DsarEngine.Server.Packs.Letters;

// Wording in all four letter languages (en, fr, ru, pt), key by key. The portability answer (GDPR Art. 20): what the
// archive holds, what it left out and why (20(1), 20(4)), what a system did not say, the direct transmission (20(2)).
// Portuguese is written for the LGPD, whose portability (art. 18, V) is not limited to provided data, so only the others'
// rights reason is worded for it without a GDPR article. The consent withdrawal's erasure (Art. 17(1)(b)) is at the end.
internal static partial class LetterTexts
{
    private static readonly Dictionary<string, (string En, string Fr, string Ru, string Pt)> FourLanguageTexts = new(StringComparer.Ordinal)
    {
        ["portability.files.provided"] = (
            "The attached archive holds the personal data you provided to us, including what we recorded of your use of our " +
                "services, that we process on your consent or under a contract with you, by automated means (Article 20(1)): " +
                "one JSON and one CSV file per system and category; manifest.json lists each file with its SHA-256 digest so " +
                "you can check nothing was altered.",
            "L'archive jointe contient les données personnelles que vous nous avez fournies, y compris celles que nous avons " +
                "enregistrées lors de votre utilisation de nos services, que nous traitons sur la base de votre consentement ou " +
                "d'un contrat conclu avec vous, à l'aide de procédés automatisés (article 20, paragraphe 1)" + N + ": " +
                "un fichier JSON et un fichier CSV par système et par catégorie" + N + "; manifest.json liste chaque fichier " +
                "avec son empreinte SHA-256 pour vérifier que rien n'a été modifié.",
            "Приложенный архив содержит персональные данные, которые Вы нам предоставили, включая сведения о пользовании " +
                "нашими услугами, и которые мы обрабатываем на основании Вашего согласия или договора с Вами " +
                "автоматизированным способом (статья 20(1)): по одному файлу JSON и одному файлу CSV на каждую систему и " +
                "категорию; в файле manifest.json перечислены все файлы с их хеш-суммами SHA-256, чтобы Вы могли убедиться, " +
                "что в них ничего не изменено.",
            "O arquivo anexo contém os dados pessoais que você nos forneceu, inclusive o que registramos do seu uso dos nossos " +
                "serviços, que tratamos com base no seu consentimento ou em contrato com você, por meios automatizados: um " +
                "arquivo JSON e um arquivo CSV por sistema e categoria; o manifest.json lista cada arquivo com o seu resumo " +
                "SHA-256, para que você possa verificar que nada foi alterado."),
        ["portability.left-out"] = ("What the archive leaves out, and why", "Ce que l'archive ne contient pas, et pourquoi",
            "Что не вошло в архив и почему", "O que o arquivo não contém, e por quê"),
        ["portability.left-out.intro"] = (
            "These records are not in the archive, for the reason given on each line:",
            "Les enregistrements suivants ne figurent pas dans l'archive, pour la raison indiquée sur chaque ligne" + N + ":",
            "Следующие записи не вошли в архив по причине, указанной в каждой строке:",
            "Os registros abaixo não estão no arquivo, pelo motivo indicado em cada linha:"),
        ["portability.left-out.access"] = (
            "You may still ask us for access to these data (Article 15); a copy will leave out only what would adversely " +
                "affect the rights and freedoms of others (Article 15(4)).",
            "Vous pouvez toujours nous demander l'accès à ces données (article 15)" + N + "; la copie ne laissera de " +
                "côté que ce qui porterait atteinte aux droits et libertés d'autrui (article 15, paragraphe 4).",
            "Вы по-прежнему можете запросить доступ к этим данным (статья 15); из копии будет исключено только то, что " +
                "затрагивает права и свободы других лиц (статья 15(4)).",
            "Você ainda pode nos pedir acesso a esses dados; a cópia deixará de fora apenas o que prejudicaria os direitos e " +
                "liberdades de outras pessoas."),
        ["portability.col.records"] = ("Records", "Enregistrements", "Записи", "Registros"),
        ["portability.col.reason"] = ("Why", "Pourquoi", "Причина", "Motivo"),
        ["portability.reason.others"] = (
            "they also concern other people, whose rights and freedoms the archive must not adversely affect (Article 20(4))",
            "ils concernent aussi d'autres personnes, aux droits et libertés desquelles l'archive ne doit pas porter atteinte " +
                "(article 20, paragraphe 4)",
            "они касаются также других лиц, права и свободы которых архив не должен затрагивать (статья 20(4))",
            "dizem respeito também a outras pessoas, cujos direitos e liberdades o arquivo não pode prejudicar"),
        ["portability.reason.others.law"] = (
            "they also concern other people, whose rights and freedoms the archive must not adversely affect",
            "ils concernent aussi d'autres personnes, aux droits et libertés desquelles l'archive ne doit pas porter atteinte",
            "они касаются также других лиц, права и свободы которых архив не должен затрагивать",
            "dizem respeito também a outras pessoas, cujos direitos e liberdades o arquivo não pode prejudicar"),
        ["portability.reason.basis"] = (
            "we do not process them on your consent or under a contract with you, so Article 20(1) does not cover them",
            "nous ne les traitons ni sur la base de votre consentement ni sur celle d'un contrat conclu avec vous" + N + "; " +
                "l'article 20, paragraphe 1 ne les couvre donc pas",
            "мы обрабатываем их не на основании Вашего согласия или договора с Вами, поэтому статья 20(1) на них не " +
                "распространяется",
            "não os tratamos com base no seu consentimento nem em contrato com você"),
        ["portability.reason.not-provided"] = (
            "you did not provide them: we derived them from other data or obtained them from someone else (Article 20(1))",
            "vous ne les avez pas fournies" + N + ": nous les avons déduites d'autres données ou obtenues d'un tiers " +
                "(article 20, paragraphe 1)",
            "Вы их не предоставляли: мы получили их из других данных или от третьих лиц (статья 20(1))",
            "você não os forneceu: nós os derivamos de outros dados ou os obtivemos de terceiros"),
        ["portability.reason.not-automated"] = (
            "they are not processed by automated means (a paper file), which Article 20(1)(b) requires",
            "ils ne font pas l'objet d'un traitement automatisé (dossier papier), condition de l'article 20, paragraphe 1, " +
                "point b)",
            "они обрабатываются не автоматизированным способом (бумажный архив), как того требует статья 20(1)(b)",
            "não são tratados por meios automatizados (arquivo em papel)"),
        ["portability.unstated"] = ("Included without a statement of their basis or source",
            "Données incluses sans indication de leur base légale ou de leur origine",
            "Данные, включённые без указания основания или источника",
            "Dados incluídos sem indicação da base legal ou da origem"),
        ["portability.unstated.text"] = (
            "These systems did not tell us on what basis they hold the following data, or whether you provided them; we " +
                "included them rather than withhold them from you: {0}.",
            "Ces systèmes ne nous ont pas indiqué sur quelle base ils détiennent les données suivantes, ni si vous les avez " +
                "fournies" + N + "; nous les avons incluses plutôt que de vous les refuser" + N + ": {0}.",
            "Эти системы не сообщили нам, на каком основании они хранят следующие данные и предоставили ли их Вы; мы " +
                "включили их в архив, чтобы не лишать Вас их: {0}.",
            "Estes sistemas não nos disseram com que base mantêm os dados a seguir, nem se foi você quem os forneceu; nós os " +
                "incluímos em vez de negá-los a você: {0}."),
        ["portability.transmission"] = ("Sent directly to the controller you named", "Transmission directe au responsable désigné",
            "Передача непосредственно указанному Вами оператору", "Envio direto ao controlador indicado por você"),
        ["portability.transmission.sent"] = (
            "At your request we are also sending this archive directly to {0} (Article 20(2)). A link goes to {1}; it opens " +
                "only with a one-time code sent to the same address, and each download is recorded.",
            "À votre demande, nous transmettons aussi cette archive directement à {0} (article 20, paragraphe 2). Un lien est " +
                "envoyé à {1}" + N + "; il ne s'ouvre qu'avec un code à usage unique envoyé à la même adresse, et chaque " +
                "téléchargement est enregistré.",
            "По Вашей просьбе мы также передаём этот архив непосредственно {0} (статья 20(2)). Ссылка отправляется на адрес {1}; " +
                "она открывается только с одноразовым кодом, отправленным на тот же адрес, и каждое скачивание регистрируется.",
            "A seu pedido, também enviamos este arquivo diretamente a {0}. Um link é enviado para {1}; ele só abre com um código " +
                "de uso único enviado ao mesmo endereço, e cada download é registrado."),
        ["portability.transmission.not-feasible"] = (
            "You asked us to send your data directly to {0}. This is not technically feasible (Article 20(2)): {1} You may " +
                "pass the archive on yourself.",
            "Vous nous avez demandé de transmettre vos données directement à {0}. Ce n'est pas techniquement possible " +
                "(article 20, paragraphe 2)" + N + ": {1} Vous pouvez transmettre l'archive vous-même.",
            "Вы просили передать Ваши данные непосредственно {0}. Это технически неосуществимо (статья 20(2)): {1} Вы можете " +
                "передать архив самостоятельно.",
            "Você nos pediu que enviássemos os seus dados diretamente a {0}. Isso não é tecnicamente viável: {1} Você pode " +
                "repassar o arquivo por conta própria."),
        // GDPR Art. 17(1)(b): the withdrawal's commands asked each system to erase the data consent alone justified
        // (StopProcessing.EraseConsentOnlyData). "We asked": what each system did is in the table above.
        ["consent.erasure"] = (
            "We also asked each system to erase the data it held about you only on the basis of the consent you withdrew " +
                "(Article 17(1)(b)); data we hold on another lawful basis is kept, and the table above says what each system did.",
            "Nous avons aussi demandé à chaque système d'effacer les données qu'il détenait à votre sujet sur le seul " +
                "fondement du consentement que vous avez retiré (article 17, paragraphe 1, point b))" + N + "; les " +
                "données que nous détenons sur un autre fondement juridique sont conservées, et le tableau ci-dessus indique " +
                "ce que chaque système a fait.",
            "Мы также попросили каждую систему удалить данные о Вас, которые хранились только на основании отозванного Вами " +
                "согласия (статья 17(1)(b)); данные, которые мы храним на ином законном основании, сохраняются, а что " +
                "сделано в каждой системе, указано в таблице выше.",
            "Também pedimos a cada sistema que eliminasse os dados sobre você tratados apenas com base no consentimento que " +
                "você revogou; os dados que mantemos com outra base legal são conservados, e a tabela acima indica o que cada " +
                "sistema fez."),
        ["consent.erasure.law"] = (
            "We also asked each system to erase the data it held about you only on the basis of the consent you withdrew; " +
                "data we hold on another lawful basis is kept, and the table above says what each system did.",
            "Nous avons aussi demandé à chaque système d'effacer les données qu'il détenait à votre sujet sur le seul " +
                "fondement du consentement que vous avez retiré" + N + "; les données que nous détenons sur un autre " +
                "fondement juridique sont conservées, et le tableau ci-dessus indique ce que chaque système a fait.",
            "Мы также попросили каждую систему удалить данные о Вас, которые хранились только на основании отозванного Вами " +
                "согласия; данные, которые мы храним на ином законном основании, сохраняются, а что сделано в каждой системе, " +
                "указано в таблице выше.",
            "Também pedimos a cada sistema que eliminasse os dados sobre você tratados com base no consentimento que você " +
                "revogou (LGPD, art. 18, VI); os dados que mantemos com outra base legal são conservados, e a tabela acima " +
                "indica o que cada sistema fez."),
        // GDPR Art. 21(2)-(3): profiling related to direct marketing is objected to as absolutely as direct marketing.
        ["objection.meaning.direct-marketing-profiling"] = (
            "Your objection to profiling for direct marketing is absolute: we no longer use your data for it (Article 21(2) " +
                "and (3)).",
            "Votre opposition au profilage lié à la prospection commerciale est absolue" + N + ": nous n'utilisons plus vos " +
                "données à cette fin (article 21, paragraphes 2 et 3).",
            "Возражение против профилирования в целях прямого маркетинга безусловно: мы больше не используем Ваши данные " +
                "в этих целях (статья 21(2) и (3)).",
            "A sua oposição ao perfilamento para marketing direto é atendida sem ponderação: não usamos mais os seus dados " +
                "para essa finalidade."),
        // GDPR Art. 15(3), 20: the files of the answer (FilesTable.razor).
        ["files.title"] = ("Files", "Fichiers", "Файлы", "Arquivos"),
        ["files.intro"] = (
            "Files about you (photos, call recordings, documents) are in the folder files/ of {0}, exactly as each system " +
                "keeps them; manifest.json gives the SHA-256 digest of each:",
            "Les fichiers qui vous concernent (photos, enregistrements d'appels, documents) figurent dans le dossier files/ " +
                "de {0}, tels que chaque système les conserve" + N + "; manifest.json donne l'empreinte SHA-256 de chacun" + N + ":",
            "Файлы, относящиеся к Вам (фотографии, записи звонков, документы), находятся в папке files/ ({0}) в том " +
                "виде, в каком их хранит каждая система; в manifest.json указан хеш SHA-256 каждого из них:",
            "Os arquivos sobre você (fotos, gravações de chamadas, documentos) estão na pasta files/ de {0}, exatamente " +
                "como cada sistema os guarda; o manifest.json indica o hash SHA-256 de cada um:"),
        ["files.col.file"] = ("File", "Fichier", "Файл", "Arquivo"),
        ["files.col.type"] = ("Type", "Type", "Тип", "Tipo"),
        ["files.col.size"] = ("Size", "Taille", "Размер", "Tamanho"),
        ["files.kb"] = ("{0} KB", "{0}" + N + "Ko", "{0} КБ", "{0} KB"),
        ["files.bytes"] = ("{0} bytes", "{0}" + N + "octets", "{0} байт", "{0} bytes"),
        ["files.archive"] = ("the attached archive", "l'archive jointe", "приложенный архив", "o arquivo anexo"),
    };
}
