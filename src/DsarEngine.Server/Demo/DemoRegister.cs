using DsarEngine.Workflows.Packs;

namespace DsarEngine.Server.Demo;

// The demo organisation's processing register, so that its letters have something true-looking to say
// (samples/organisations/ has fuller ones, modelled on public privacy policies). Translations: French here, Russian in
// DemoRegister.Russian.cs.
internal static partial class DemoRegister
{
    public static ProcessingRegister For(string name) => new(
        new Party(name, "10 rue de Rivoli, 75004 Paris, France", "privacy@demo.example", "https://demo.example/privacy"),
        new Party("Camille Bernard, Data Protection Officer", null, "dpo@demo.example", null),
        [
            new PurposeEntry("Managing customer accounts and orders", "Contract (GDPR Art. 6(1)(b))",
                ["contact-details", "contacts", "notes"]),
            new PurposeEntry("Invoicing and accounting", "Legal obligation (Art. 6(1)(c)), Code de commerce L123-22",
                ["account", "invoices", "payment-methods"]),
            new PurposeEntry("Customer support", "Contract (Art. 6(1)(b))", ["support-tickets", "ticket-comments"]),
            new PurposeEntry("Newsletters", "Consent (Art. 6(1)(a))", ["subscriber", "lists", "campaign-activity"]),
        ],
        [
            new RecipientEntry("Mailer SaaS (newsletters)", "processor", ["subscriber", "lists"]),
            new RecipientEntry("Mailing house (postal campaigns)", "processor", ["contact-details"]),
            new RecipientEntry("Statutory auditor", "independent recipient, on inspection", ["invoices"]),
        ],
        [new RetentionEntry("invoices", "10 years (Code de commerce L123-22)"),
         new RetentionEntry("support-tickets", "3 years after closing"),
         new RetentionEntry("contact-details", "3 years after the last order")],
        [], [], null,
        new Party("Commission nationale de l'informatique et des libertés (CNIL)", "3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07",
            null, "https://www.cnil.fr/fr/plaintes"),
        35);

    // Its French translation: French subjects' letters are French throughout (categories stay the systems' own keys).
    public static ProcessingRegister French(string name) => new(
        new Party(name, "10 rue de Rivoli, 75004 Paris, France", "privacy@demo.example", "https://demo.example/privacy"),
        new Party("Camille Bernard, déléguée à la protection des données", null, "dpo@demo.example", null),
        [
            new PurposeEntry("Gestion des comptes clients et des commandes", "Exécution du contrat (RGPD art. 6(1)(b))",
                ["contact-details", "contacts", "notes"]),
            new PurposeEntry("Facturation et comptabilité", "Obligation légale (art. 6(1)(c)), Code de commerce L123-22",
                ["account", "invoices", "payment-methods"]),
            new PurposeEntry("Support client", "Exécution du contrat (art. 6(1)(b))", ["support-tickets", "ticket-comments"]),
            new PurposeEntry("Lettres d'information", "Consentement (art. 6(1)(a))", ["subscriber", "lists", "campaign-activity"]),
        ],
        [
            new RecipientEntry("Prestataire d'e-mailing (lettres d'information)", "sous-traitant", ["subscriber", "lists"]),
            new RecipientEntry("Routeur postal (campagnes courrier)", "sous-traitant", ["contact-details"]),
            new RecipientEntry("Commissaire aux comptes", "destinataire indépendant, lors de ses contrôles", ["invoices"]),
        ],
        [new RetentionEntry("invoices", "10 ans (Code de commerce L123-22)"),
         new RetentionEntry("support-tickets", "3 ans après la clôture"),
         new RetentionEntry("contact-details", "3 ans après la dernière commande")],
        [], [], null,
        new Party("Commission nationale de l'informatique et des libertés (CNIL)", "3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07",
            null, "https://www.cnil.fr/fr/plaintes"),
        35);
}
