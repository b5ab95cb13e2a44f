namespace DsarEngine.Server.Packs.Letters;

// Brazil's LGPD (Lei 13.709/2018), in Portuguese and English: Art. 18 (the rights; §1 petition to the ANPD; §4 the
// reasons of fact or law when the controller cannot act at once; §6 shared-use agents told), Art. 19 (15 days for the
// complete declaration, no extension), Art. 8 §5 (revocation of consent), Art. 20 (automated decisions), Art. 22 (courts).
// Portuguese as Brazil writes it: "você", "art. 18, § 1º", dates "2 de novembro de 2026".
internal static partial class LetterTexts
{
    private static Dictionary<string, string> LgpdPortuguese => new(StringComparer.Ordinal)
    {
        ["cite"] = "art. 18", ["cite.access"] = "art. 18, I e II, e art. 19", ["cite.rectification"] = "art. 18, III",
        ["cite.erasure"] = "art. 18, IV e VI", ["cite.restriction"] = "art. 18, IV", ["cite.portability"] = "art. 18, V",
        ["cite.objection"] = "art. 18, § 2º", ["cite.consent-withdrawal"] = "art. 18, IX, e art. 8º, § 5º",
        ["intro"] = "Recebemos a sua solicitação {0} em {1}. Esta carta responde a ela com base na Lei Geral de Proteção de " +
            "Dados Pessoais (LGPD, Lei nº 13.709/2018), {2}.",
        ["refusal.intro"] = "Recebemos a sua solicitação {0} em {1}. Não podemos atendê-la, pelas seguintes razões de fato ou de " +
            "direito (LGPD, art. 18, § 4º, II):",
        ["refusal.remedy"] = "Você pode peticionar contra esta decisão à Autoridade Nacional de Proteção de Dados (ANPD) " +
            "(LGPD, art. 18, § 1º; www.gov.br/anpd) e defender os seus direitos em juízo (art. 22).",
        ["extension.intro"] = "Recebemos a sua solicitação {0} em {1}. Deveríamos responder em até 15 dias, até {2}. A LGPD não " +
            "prevê prorrogação desse prazo para a declaração completa (art. 19, II); ainda assim, precisamos de mais tempo, " +
            "pelas seguintes razões:",
        ["identity-request.intro"] = "Recebemos a sua solicitação {0} em {1}. Antes de atendê-la, precisamos confirmar que ela foi " +
            "feita por você, para que ninguém mais obtenha ou altere os seus dados (LGPD, art. 18, § 3º, e art. 46).",
        ["transfers"] = "Transferências internacionais de dados",
        ["transfers.none"] = "Os seus dados não são transferidos para fora do Brasil.",
        ["rights.text"] = "Você pode solicitar a correção, a anonimização, o bloqueio ou a eliminação dos seus dados, a sua " +
            "portabilidade, informações sobre com quem os compartilhamos e a revogação do seu consentimento, e pode opor-se " +
            "ao tratamento (LGPD, art. 18).",
        ["complaint"] = "Você tem o direito de peticionar à Autoridade Nacional de Proteção de Dados (ANPD): www.gov.br/anpd " +
            "(LGPD, art. 18, § 1º).",
        ["recipients.notified.erasure"] = "Informamos a eliminação aos agentes de tratamento com os quais compartilhamos os seus " +
            "dados (LGPD, art. 18, § 6º).",
        ["recipients.notified.rectification"] = "Informamos a correção aos agentes de tratamento com os quais compartilhamos os " +
            "seus dados (LGPD, art. 18, § 6º).",
        ["recipients.notified.restriction"] = "Informamos o bloqueio aos agentes de tratamento com os quais compartilhamos os seus " +
            "dados (LGPD, art. 18, § 6º).",
        ["restriction.meaning"] = "Enquanto os seus dados estiverem bloqueados, apenas os armazenamos (LGPD, art. 5º, XIII).",
        ["objection.meaning"] = "Não usamos mais os seus dados no tratamento ao qual você se opôs (LGPD, art. 18, § 2º).",
        ["consent.meaning"] = "A revogação do consentimento não afeta os tratamentos realizados antes dela (LGPD, art. 8º, § 5º).",
        ["automated.none"] = "Não tomamos decisões a seu respeito baseadas unicamente em tratamento automatizado (LGPD, art. 20).",
    };

    private static Dictionary<string, string> LgpdEnglish => new(StringComparer.Ordinal)
    {
        ["cite"] = "Article 18", ["cite.access"] = "Article 18(I) and (II) and Article 19",
        ["cite.rectification"] = "Article 18(III)", ["cite.erasure"] = "Article 18(IV) and (VI)",
        ["cite.restriction"] = "Article 18(IV)", ["cite.portability"] = "Article 18(V)", ["cite.objection"] = "Article 18, §2",
        ["cite.consent-withdrawal"] = "Article 18(IX) and Article 8, §5",
        ["intro"] = "We received your request {0} on {1}. This letter answers it under Brazil's General Personal Data Protection " +
            "Law (LGPD, Law No. 13,709/2018), {2}.",
        ["refusal.intro"] = "We received your request {0} on {1}. We cannot act on it, for the following reasons of fact or law " +
            "(LGPD, Article 18, §4(II)):",
        ["refusal.remedy"] = "You may petition the National Data Protection Authority (ANPD) against this decision (LGPD, " +
            "Article 18, §1; www.gov.br/anpd) and defend your rights in court (Article 22).",
        ["extension.intro"] = "We received your request {0} on {1}. We were due to answer within 15 days, by {2}. The LGPD " +
            "provides no extension of that period for the complete declaration (Article 19(II)); we nonetheless need more time, " +
            "for the following reasons:",
        ["identity-request.intro"] = "We received your request {0} on {1}. Before we act on it we must be sure it comes from you, " +
            "so that nobody else obtains or changes your data (LGPD, Article 18, §3, and Article 46).",
        ["transfers"] = "International transfers",
        ["transfers.none"] = "Your data is not transferred outside Brazil.",
        ["rights.text"] = "You may ask us to correct, anonymise, block or delete your data, to port it, to tell you with whom we " +
            "share it and to revoke your consent, and you may object to its processing (LGPD, Article 18).",
        ["complaint"] = "You have the right to petition the National Data Protection Authority (ANPD): www.gov.br/anpd " +
            "(LGPD, Article 18, §1).",
        ["recipients.notified.erasure"] = "We tell the processing agents with whom we shared your data about the deletion " +
            "(LGPD, Article 18, §6).",
        ["recipients.notified.rectification"] = "We tell the processing agents with whom we shared your data about the correction " +
            "(LGPD, Article 18, §6).",
        ["recipients.notified.restriction"] = "We tell the processing agents with whom we shared your data about the blocking " +
            "(LGPD, Article 18, §6).",
        ["restriction.meaning"] = "While your data is blocked we only store it (LGPD, Article 5(XIII)).",
        ["objection.meaning"] = "We no longer use your data for the processing you objected to (LGPD, Article 18, §2).",
        ["consent.meaning"] = "Revoking consent does not affect processing carried out before it (LGPD, Article 8, §5).",
        ["automated.none"] = "We take no decision about you based solely on automated processing (LGPD, Article 20).",
    };
}
