namespace DsarEngine.Workflows.Requests;

internal static partial class IntakeValidator
{
    public const int MaxScopeItems = 20;

    // Loi Informatique et Libertés art. 85: structured instructions, revocation and the after-death request (PostMortem).
    private static PostMortem? ValidatePostMortem(IntakeForm form, Right? right, Representative? representative, DateTimeOffset now,
        IntakeErrors errors)
    {
        var given = form.PostMortem;
        if (representative?.Relationship is "designee" or "heir" && given?.Kind?.Trim() != PostMortem.AfterDeath)
            errors.Add("representative.relationship", "A designee or an heir acts only after the subject's death: " +
                "right post-mortem-instructions with postMortem.kind after-death.");
        if (right != Right.PostMortemInstructions)
        {
            if (given is not null && right is not null)
                errors.Add("postMortem", "Applies only to post-mortem-instructions.");
            return null;
        }
        // Without the structured part, the free text of details stays the instructions (kept for existing callers).
        if (given is null)
            return null;
        var kind = given.Kind?.Trim();
        if (kind is null || !PostMortem.Kinds.Contains(kind))
        {
            errors.Add("postMortem.kind", $"Expected one of: {string.Join(", ", PostMortem.Kinds)}.");
            return null;
        }
        var action = given.Action?.Trim();
        if (kind == PostMortem.Instructions && (action is null || !PostMortem.Actions.Contains(action)))
            errors.Add("postMortem.action", $"Required for instructions: one of {string.Join(", ", PostMortem.Actions)}.");
        else if (kind != PostMortem.Instructions && action is not null)
            errors.Add("postMortem.action", "Only with instructions.");
        var scope = given.Scope?.Select(s => s?.Trim() ?? "").ToList() ?? [];
        if (scope.Count > MaxScopeItems || scope.Any(s => s.Length is 0 or > 100 || Mail.MailText.HasUnsafe(s)))
            errors.Add("postMortem.scope", $"At most {MaxScopeItems} data categories, each one line of at most 100 characters.");
        var designee = ValidateDesignee(given.Designee, kind, errors);
        if (kind == PostMortem.AfterDeath)
        {
            if (given.DiedOn is not { } died)
                errors.Add("postMortem.diedOn", "Required after death: the date of death (the death certificate is the proof).");
            else if (died > DateOnly.FromDateTime(now.UtcDateTime))
                errors.Add("postMortem.diedOn", "Cannot be in the future.");
            if (representative?.Relationship is not ("designee" or "heir"))
                errors.Add("representative.relationship", "Required after death: the requester, as designee or heir.");
        }
        else if (given.DiedOn is not null)
            errors.Add("postMortem.diedOn", "Only after death.");
        return new PostMortem(kind, action, scope.Count == 0 && kind == PostMortem.Instructions ? ["all"] : scope, designee,
            given.DiedOn);
    }

    private static PostMortemDesignee? ValidateDesignee(IntakeRepresentative? designee, string kind, IntakeErrors errors)
    {
        if (designee is null)
            return null;
        if (kind != PostMortem.Instructions)
        {
            errors.Add("postMortem.designee", "Only with instructions.");
            return null;
        }
        var name = designee.Name?.Trim();
        var email = designee.Email?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || Mail.MailText.HasUnsafe(name))
            errors.Add("postMortem.designee.name", $"Required: one line of at most {MaxNameLength} characters.");
        if (string.IsNullOrEmpty(email) || !ContactFormats.IsEmail(email))
            errors.Add("postMortem.designee.email", "Required: a valid e-mail address to reach the designee.");
        return string.IsNullOrEmpty(name) || string.IsNullOrEmpty(email) ? null : new PostMortemDesignee(name, email);
    }
}
