using DsarEngine.Workflows.Deadlines;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Server.Requests;

// The right to opt out of sale/sharing (Cal. Civ. Code §1798.120) and to limit the use of sensitive personal information
// (§1798.121) exist only under the CCPA/CPRA. A request for one is framed by the CCPA alone (another regime that also
// applies knows no such right, so its period says nothing about it), and refused when the CCPA does not apply, saying why:
// the organisation is not subject to the CCPA at all, or the CCPA reaches only some of its consumers and this one is not
// among them. The refusal is a field error on "right": intake stores nothing.
internal static class CaliforniaOnly
{
    public static ApplicableLaw? Restrict(ApplicableLaw law, TenantLaw declared, Right right, IntakeErrors errors)
    {
        var ccpa = law.Regimes.Where(r => r.Rules.Id == AmericanRegimes.Ccpa.Id).ToList();
        var others = law.Regimes.Where(r => r.Rules.Id != AmericanRegimes.Ccpa.Id).Select(r => r.Rules.Name).ToList();
        if (ccpa.Count > 0)
            return law with
            {
                Regimes = ccpa,
                Notes = others.Count == 0 ? law.Notes : [.. law.Notes, $"{string.Join(", ", others)} also applies to the " +
                    $"organisation but knows no {right.ToSlug()} right: only the CCPA sets this request's deadline"],
            };
        var name = right == Right.OptOutOfSaleSharing
            ? "The right to opt out of the sale or sharing of personal information"
            : "The right to limit the use and disclosure of sensitive personal information";
        var applying = string.Join(", ", law.Regimes.Select(r => r.Rules.Name));
        errors.Add("right", declared.Regimes.Any(r => r.Regime == AmericanRegimes.Ccpa.Id)
            ? $"{name} exists only under the California CCPA/CPRA, and this organisation applies the CCPA only to consumers in " +
                $"the places it declares (its residence rule); this request falls under {Or(applying)} instead, which has no " +
                "such right. State where you live if you are a California resident. Nothing was stored."
            : $"{name} exists only under the California CCPA/CPRA, and this organisation is not subject to it: its requests fall " +
                $"under {Or(applying)}, which has no such right. To stop a use of your data, make an objection (right " +
                "'objection') or withdraw your consent (right 'consent-withdrawal'). Nothing was stored.");
        return null;
    }

    private static string Or(string names) => names.Length == 0 ? "another law" : names;
}
