namespace DsarEngine.Workflows.Requests;

// What someone acting for the subject must show, by the request's law and how they stand to the subject. The engine asks
// for it (intake answer, staff view), records what came, and holds the request until a person confirms it: staff may not
// proceed with the assessment before (docs/rights.md#representatives).
// Documents: what to send; SubjectConfirms: the organisation may also ask the subject to confirm directly (CCPA);
// ChildUnder: the age under which a parent acts for a child (null where it is not age-bound); Source: the law's words.
internal sealed record RepresentativeProof(string Documents, bool SubjectConfirms, int? ChildUnder, string Source)
{
    // 11 CCR §7026(g) (and §7027 alike): an authorised agent's opt-out needs the consumer's signed permission only; the
    // consumer is never asked to verify their identity, since an opt-out is not a verifiable request.
    public static RepresentativeProof For(string regime, string jurisdiction, string relationship, Right right) =>
        right.IsCaliforniaOptOut() && relationship == "authorised-agent"
            ? new("the consumer's signed permission for the agent to submit this request on their behalf", false, null,
                right == Right.OptOutOfSaleSharing ? "11 CCR §7026(g)" : "11 CCR §7027")
            : For(regime, jurisdiction, relationship);

    public static RepresentativeProof For(string regime, string jurisdiction, string relationship) =>
        (regime.ToLowerInvariant(), relationship) switch
        {
            // Loi Informatique et Libertés art. 85 I and II: after the subject's death, the person they designated or an heir.
            (_, "designee") => new("the subject's death certificate; the designation is checked against the instructions " +
                "the subject recorded", false, null, "Loi Informatique et Libertés art. 85 I"),
            (_, "heir") => new("the subject's death certificate and proof of being an heir (e.g. an acte de notoriété or a " +
                "certificate of inheritance)", false, null, "Loi Informatique et Libertés art. 85 II"),
            // 11 CCR §7063(a): the consumer's signed permission; the business may also require the consumer to verify their
            // own identity directly with it, or to confirm directly that they gave the permission.
            ("ccpa", "authorised-agent") => new(
                "the consumer's signed permission for the agent to act (or a power of attorney under Cal. Probate Code " +
                    "§§4121-4130)", true, null, "11 CCR §7063(a)-(b)"),
            // 11 CCR §7070(c) and Cal. Civ. Code §1798.120(c): a parent or guardian acts for a child under 13.
            ("ccpa", "parent") => new("proof of parental responsibility (or guardianship) for a child under 13", false, 13,
                "Cal. Civ. Code §1798.120(c); 11 CCR §7070"),
            ("ccpa", _) => new("a power of attorney under Cal. Probate Code §§4121-4130", false, null, "11 CCR §7063(b)"),
            // VA §59.1-577(A), CO §6-1-1306(1), CT §42-518(a): a parent or legal guardian of a known child (under 13, COPPA).
            ("vcdpa" or "cpa" or "ctdpa", "parent") => new(
                "proof of parental responsibility (or guardianship) for a known child under 13", false, 13,
                "Va. Code §59.1-577(A); C.R.S. §6-1-1306(1); Conn. Gen. Stat. §42-518(a)"),
            ("vcdpa" or "cpa" or "ctdpa", _) => new(
                "the consumer's signed authorisation (or a power of attorney, guardianship or conservatorship order)", true,
                null, "Va. Code §59.1-577(A); C.R.S. §6-1-1306(1)(a)(II); Conn. Gen. Stat. §42-518(a)"),
            // 152-FZ Art. 14(3): a request by the subject's representative names the representative's identity document;
            // Family Code of the Russian Federation Art. 64(1): parents are their minor children's legal representatives,
            // without special powers (minors: under 18, Civil Code Art. 21); anyone else acts under a power of attorney
            // (Civil Code Art. 185).
            ("152-fz", "parent") => new("a document showing that you are the child's parent or guardian (e.g. the birth " +
                "certificate or a guardianship decision) and your own identity document", false, 18,
                "152-FZ Art. 14(3); Family Code of the Russian Federation Art. 64(1)"),
            ("152-fz", _) => new("a power of attorney naming the representative (Civil Code of the Russian Federation Art. 185) " +
                "and the representative's identity document", false, null, "152-FZ Art. 14(3); Civil Code Art. 185"),
            // GDPR Art. 8(1): parental responsibility for a child under 16, lowered by some Member States (France: 15,
            // Loi Informatique et Libertés art. 45); Art. 12(6) lets the controller ask for what confirms who is asking.
            (_, "parent") => new("proof of parental responsibility for the child (e.g. a family record book or birth " +
                "certificate) and the parent's identity", false, ChildAgeUnderGdpr(jurisdiction),
                "GDPR Art. 8(1), 12(6); recital 38"),
            _ => new("the subject's written mandate (or power of attorney) naming the representative, and the " +
                "representative's identity", false, null, "GDPR Art. 12(6); recital 59"),
        };

    // Art. 8(1) GDPR: 16 unless the Member State sets a lower age (not below 13).
    public static int ChildAgeUnderGdpr(string jurisdiction) => (jurisdiction.Length >= 2 ? jurisdiction[..2] : jurisdiction)
        .ToUpperInvariant() switch
    {
        "FR" or "CZ" or "GR" or "SI" => 15,
        "AT" or "BG" or "CY" or "ES" or "IT" or "LT" => 14,
        "BE" or "DK" or "EE" or "FI" or "LV" or "MT" or "PT" or "SE" or "GB" => 13, // GB: UK DPA 2018 s.9
        _ => 16,
    };
}
