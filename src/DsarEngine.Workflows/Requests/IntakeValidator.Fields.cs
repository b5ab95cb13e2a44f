namespace DsarEngine.Workflows.Requests;

internal static partial class IntakeValidator
{
    private static Right? ValidateRight(IntakeForm form, IntakeErrors errors)
    {
        var slug = Required(form.Right, "right", errors);
        if (slug is null)
            return null;
        if (Rights.TryParse(slug, out var right))
            return right;
        errors.Add("right", $"Unknown right '{slug}'. Expected one of: {string.Join(", ", Rights.Slugs)}.");
        return null;
    }

    private static string? ValidatePurpose(IntakeForm form, Right? right, IntakeErrors errors)
    {
        var needsPurpose = right is Right.Objection or Right.ConsentWithdrawal;
        if (string.IsNullOrWhiteSpace(form.Purpose))
        {
            if (needsPurpose)
                errors.Add("purpose", $"Required for {right!.Value.ToSlug()}: the purpose objected to, one of: {string.Join(", ", ObjectionPurposes.All)}.");
            return null;
        }
        if (right is not null && !needsPurpose)
            errors.Add("purpose", "Applies only to objection and consent-withdrawal.");
        else if (!ObjectionPurposes.All.Contains(form.Purpose))
            errors.Add("purpose", $"Unknown purpose '{form.Purpose}'. Expected one of: {string.Join(", ", ObjectionPurposes.All)}.");
        return form.Purpose;
    }

    private static Channel? ValidateChannel(string? slug, IntakeOrigin origin, IntakeErrors errors)
    {
        if (string.IsNullOrWhiteSpace(slug))
        {
            if (origin == IntakeOrigin.Public)
                return Channel.Api;
            errors.Add("channel", "Required: how the request was received (email, post, phone, in-person, web-form, api).");
            return null;
        }

        if (!Channels.TryParse(slug, out var channel))
        {
            errors.Add("channel", $"Unknown channel '{slug}'. Expected one of: {string.Join(", ", Channels.Slugs)}.");
            return null;
        }
        if (origin == IntakeOrigin.Public && !Channels.Public.Contains(channel))
        {
            errors.Add("channel", "Only web-form and api can be used here; staff log requests received by e-mail, post, phone or in person.");
            return null;
        }
        return channel;
    }

    private static string? ValidateDetails(string? details, Right? right, IntakeErrors errors)
    {
        var trimmed = string.IsNullOrWhiteSpace(details) ? null : details.Trim();
        if (trimmed is null && right is Right.Rectification or Right.PostMortemInstructions)
            errors.Add("details", right == Right.Rectification
                ? "Required for rectification: say which data is inaccurate and what it should be (GDPR Art. 16)."
                : "Required: the instructions to record.");
        if (trimmed is { Length: > MaxDetailsLength })
            errors.Add("details", $"At most {MaxDetailsLength} characters.");
        return trimmed;
    }

    private static string? ValidateLanguage(string? tag, IntakeErrors errors)
    {
        if (string.IsNullOrWhiteSpace(tag))
            return null;
        if (Languages.TryNormalise(tag.Trim(), out var language))
            return language;
        errors.Add("language", $"Unsupported language '{tag}'. Supported: {string.Join(", ", Languages.Supported)}.");
        return null;
    }

    private static string? ValidateJurisdiction(string? code, IntakeErrors errors)
    {
        if (string.IsNullOrWhiteSpace(code))
            return null;
        var normalised = code.Trim().ToUpperInvariant();
        if (JurisdictionFormat.IsValid(normalised))
            return normalised;
        errors.Add("jurisdiction", $"'{code}' is not an ISO 3166-1 alpha-2 code (FR) or ISO 3166-2 subdivision (GB-SCT).");
        return null;
    }

    private static DateTimeOffset? ValidateReceivedAt(DateTimeOffset? receivedAt, IntakeOrigin origin, DateTimeOffset now, IntakeErrors errors)
    {
        if (receivedAt is null)
            return null;
        if (origin == IntakeOrigin.Public)
            errors.Add("receivedAt", "Set by the engine for public submissions; only staff log a receipt time.");
        else if (receivedAt > now + FutureSkew)
            errors.Add("receivedAt", "Cannot be in the future.");
        return receivedAt;
    }
}
