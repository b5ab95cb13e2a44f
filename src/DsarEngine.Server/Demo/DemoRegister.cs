using DsarEngine.Workflows.Packs;

namespace DsarEngine.Server.Demo;

// The demo organisation's processing register, so that its letters have something true-looking to say
// (samples/organisations/ has fuller ones, modelled on public privacy policies).
internal static class DemoRegister
{
    public static ProcessingRegister For(string name) => new(
        new Party(name, "10 rue de Rivoli, 75004 Paris, France", "privacy@demo.example", "https://demo.example/privacy"),
        new Party("Data Protection Officer", null, "dpo@demo.example", null),
        [
            new PurposeEntry("Managing customer accounts and orders", "Contract (GDPR Art. 6(1)(b))", ["contact-details", "contacts", "notes"]),
            new PurposeEntry("Invoicing and accounting", "Legal obligation (Art. 6(1)(c)), Code de commerce L123-22", ["account", "invoices", "payment-methods"]),
            new PurposeEntry("Customer support", "Contract (Art. 6(1)(b))", ["support-tickets", "ticket-comments"]),
            new PurposeEntry("Newsletters", "Consent (Art. 6(1)(a))", ["subscriber", "lists", "campaign-activity"]),
        ],
        [
            new RecipientEntry("Mailer SaaS (newsletters)", "processor", ["subscriber", "lists"]),
            new RecipientEntry("Mailing house (postal campaigns)", "processor", ["contact-details"]),
            new RecipientEntry("Statutory auditor", "independent recipient, on inspection", ["invoices"]),
        ],
        [new RetentionEntry("invoices", "10 years (Code de commerce L123-22)"), new RetentionEntry("support-tickets", "3 years after closing"),
         new RetentionEntry("contact-details", "3 years after the last order")],
        [], [], null,
        new Party("Commission nationale de l'informatique et des libertés (CNIL)", "3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07", null, "https://www.cnil.fr/fr/plaintes"),
        35);
}
