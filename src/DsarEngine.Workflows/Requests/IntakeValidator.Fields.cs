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
                errors.Add("purpose", $"Required for {right!.Value.ToSlug()}: the purpose objected to, " +
                    $"one of: {string.Join(", ", ObjectionPurposes.All)}.");
            return null;
        }
        if (right is not null && !needsPurpose)
            errors.Add("purpose", "Applies only to objection and consent-withdrawal.");
        else if (!ObjectionPurposes.All.Contains(form.Purpose))
            errors.Add("purpose", $"Unknown purpose '{form.Purpose}'. Expected one of: {string.Join(", ", ObjectionPurposes.All)}.");
        return form.Purpose;
    }

    private static string? ValidateRestrictionGround(IntakeForm form, Right? right, IntakeErrors errors)
    {
        if (string.IsNullOrWhiteSpace(form.RestrictionGround))
            return null;
        var ground = form.RestrictionGround.Trim();
        if (right is not null && right != Right.Restriction)
            errors.Add("restrictionGround", "Applies only to restriction.");
        else if (!RestrictionGrounds.All.Contains(ground))
            errors.Add("restrictionGround", $"Unknown ground '{ground}'. Expected one of (GDPR Art. 18(1)(a)-(d)): " +
                $"{string.Join(", ", RestrictionGrounds.All)}.");
        return ground;
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
            errors.Add("channel",
                "Only web-form and api can be used here; staff log requests received by e-mail, post, phone or in person.");
            return null;
        }
        // Security review M8: the controller channel skips identity proof and every notice to the subject. Only the
        // OpenDSR intake, where an authenticated controller vouches for the subject, may use it; staff who verified the
        // subject themselves log the request and record their evidence (POST …/identity).
        if ((channel == Channel.Controller) != (origin == IntakeOrigin.Controller))
        {
            errors.Add("channel", origin == IntakeOrigin.Controller
                ? "A controller's request always uses the controller channel."
                : "The controller channel is only for requests a controller forwards over OpenDSR. Log the channel it reached you by, " +
                  "then record how you verified the subject with POST /api/v1/staff/requests/{reference}/identity.");
            return null;
        }
        return channel;
    }

    public const int MaxStatementLength = 2000;

    // GDPR Art. 16: "including by means of providing a supplementary statement": the subject's own words, kept with their
    // data by each system that rectifies. Only for rectification.
    private static string? ValidateStatement(string? statement, Right? right, IntakeErrors errors)
    {
        var trimmed = string.IsNullOrWhiteSpace(statement) ? null : statement.Trim();
        if (trimmed is null)
            return null;
        if (right is not null && right != Right.Rectification)
            errors.Add("statement", "Only for rectification requests.");
        else if (trimmed.Length > MaxStatementLength)
            errors.Add("statement", $"At most {MaxStatementLength} characters.");
        return trimmed;
    }

    private static string? ValidateDetails(string? details, Right? right, bool hasChanges, IntakeErrors errors)
    {
        var trimmed = string.IsNullOrWhiteSpace(details) ? null : details.Trim();
        if (trimmed is null && !hasChanges && right is Right.Rectification or Right.PostMortemInstructions)
            errors.Add("details", right == Right.Rectification
                ? "Required for rectification unless changes or a statement are given: say which data is inaccurate and what " +
                    "it should be (GDPR Art. 16)."
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
        errors.Add("language", $"Unsupported language '{tag}'. Supported: {string.Join(", ", Languages.Written)}.");
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

    private static DateTimeOffset? ValidateReceivedAt(
        DateTimeOffset? receivedAt, IntakeOrigin origin, DateTimeOffset now, IntakeErrors errors)
    {
        if (receivedAt is null)
            return null;
        if (origin == IntakeOrigin.Public)
            errors.Add("receivedAt", "Set by the engine for public submissions; only staff log a receipt time.");
        else if (receivedAt > now + FutureSkew)
            errors.Add("receivedAt", "Cannot be in the future.");
        return receivedAt;
    }

    // GDPR Art. 16: the corrections, as field and value, so that connectors can apply them. Only for rectification.
    private static List<RequestedChange> ValidateChanges(IReadOnlyList<IntakeChange>? changes, Right? right, IntakeErrors errors)
    {
        if (changes is null || changes.Count == 0)
            return [];
        if (right is not Right.Rectification)
        {
            errors.Add("changes", "Only for rectification requests.");
            return [];
        }
        if (changes.Count > RequestChanges.MaxChanges)
            errors.Add("changes", $"At most {RequestChanges.MaxChanges} changes.");
        var valid = new List<RequestedChange>();
        for (var i = 0; i < changes.Count; i++)
        {
            var field = changes[i]?.Field?.Trim().ToLowerInvariant();
            var value = changes[i]?.Value?.Trim();
            if (field is null || !RequestChanges.IsField(field))
                errors.Add($"changes[{i}].field", $"One of {string.Join(", ", RequestChanges.KnownFields)}, or other-<name>.");
            if (string.IsNullOrEmpty(value) || value.Length > RequestChanges.MaxValueLength)
                errors.Add($"changes[{i}].value", $"Required, at most {RequestChanges.MaxValueLength} characters: the correct value.");
            else if (field is not null)
                valid.Add(new RequestedChange(field, value));
        }
        return valid;
    }
}
