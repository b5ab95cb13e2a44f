namespace DsarEngine.Server.Packs.Letters;

// Why a system kept data an erasure asked to delete (GDPR Art. 17(3)), as the erasure letter states it in the
// subject's language. A connector reports the ground as free text, or as one of these codes, optionally followed by
// ": " and its detail ("legal-obligation: Code de commerce art. L123-22"): a code is written out in the letter's
// language, the detail is printed as the connector gave it. Free text is printed as given.
internal static class RetentionGrounds
{
    private static readonly Dictionary<string, (string En, string Fr, string Ru)> Grounds = new(StringComparer.Ordinal)
    {
        ["freedom-of-expression"] = ("Freedom of expression and information (Article 17(3)(a) GDPR)",
            "Liberté d'expression et d'information (article 17, paragraphe 3, point a), du RGPD)",
            "Свобода выражения мнений и информации (статья 17(3)(a) GDPR)"),
        ["legal-obligation"] = ("Legal obligation (Article 17(3)(b) GDPR)",
            "Obligation légale (article 17, paragraphe 3, point b), du RGPD)",
            "Исполнение обязанности, возложенной законом (статья 17(3)(b) GDPR)"),
        ["public-interest"] = ("A task carried out in the public interest (Article 17(3)(b) GDPR)",
            "Mission d'intérêt public (article 17, paragraphe 3, point b), du RGPD)",
            "Выполнение задачи в общественных интересах (статья 17(3)(b) GDPR)"),
        ["public-health"] = ("Public health (Article 17(3)(c) GDPR)",
            "Santé publique (article 17, paragraphe 3, point c), du RGPD)",
            "Общественное здравоохранение (статья 17(3)(c) GDPR)"),
        ["archiving-research"] = ("Archiving in the public interest, research or statistics (Article 17(3)(d) GDPR)",
            "Archivage dans l'intérêt public, recherche ou statistiques (article 17, paragraphe 3, point d), du RGPD)",
            "Архивирование в общественных интересах, научные исследования или статистика (статья 17(3)(d) GDPR)"),
        ["legal-claims"] = ("The establishment, exercise or defence of legal claims (Article 17(3)(e) GDPR)",
            "Constatation, exercice ou défense de droits en justice (article 17, paragraphe 3, point e), du RGPD)",
            "Установление, осуществление или защита правовых требований (статья 17(3)(e) GDPR)"),
    };

    public static IReadOnlyCollection<string> Codes => Grounds.Keys;

    public static string Describe(string language, string basis)
    {
        var colon = basis.IndexOf(':');
        var code = (colon < 0 ? basis : basis[..colon]).Trim();
        if (!Grounds.TryGetValue(code, out var ground))
            return basis;
        var text = language switch { "fr" => ground.Fr, "ru" => ground.Ru, _ => ground.En };
        var detail = colon < 0 ? "" : basis[(colon + 1)..].Trim();
        return detail.Length == 0 ? text : $"{text}{LetterTexts.Colon(language)}{detail}";
    }
}
