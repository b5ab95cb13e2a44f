namespace DsarEngine.Server.Retention;

// Every field at once, each refusal naming its field; nothing is stored unless all pass.
internal static class RetentionChecks
{
    public static Dictionary<string, string[]> Problems(RetentionSettings? settings)
    {
        if (settings is null)
            return new() { ["(root)"] = ["The retention periods in days: exportsDays, packsDays, documentsDays, mailDays, requestsDays."] };
        var errors = new Dictionary<string, string[]>();
        Range(errors, "requestsDays", settings.RequestsDays, RetentionSettings.MinRequestsDays,
            "the request's personal data is kept at least until its answer can no longer be questioned");
        foreach (var (field, days) in (ReadOnlySpan<(string, int?)>)[("exportsDays", settings.ExportsDays),
            ("packsDays", settings.PacksDays), ("documentsDays", settings.DocumentsDays), ("mailDays", settings.MailDays)])
        {
            Range(errors, field, days, 1, null);
            // The personal-data purge removes everything of the request: a longer period for a part of it would never apply.
            if (!errors.ContainsKey(field) && !errors.ContainsKey("requestsDays") && days > settings.RequestsDays)
                errors[field] = [$"At most requestsDays ({settings.RequestsDays}): the request's personal data goes then, with all of it."];
        }
        return errors;
    }

    private static void Range(Dictionary<string, string[]> errors, string field, int? days, int min, string? why)
    {
        if (days is null)
            errors[field] = ["Required: a number of days after the request closed."];
        else if (days < min || days > RetentionSettings.MaxDays)
            errors[field] = [$"Between {min} and {RetentionSettings.MaxDays} days{(why is null ? "" : $": {why}")}."];
    }
}
