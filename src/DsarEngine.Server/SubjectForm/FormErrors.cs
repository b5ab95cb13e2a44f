using DsarEngine.Server.Uploads;

namespace DsarEngine.Server.SubjectForm;

// Turns the checks' findings into the person's language, each linked to its field. The form's own checks run first (they
// know the form: the offered identities, the proof of authority); intake's field names are mapped to the form's fields,
// and anything the form cannot place gets a general line rather than an English message.
internal static class FormErrors
{
    public static List<FieldError> Check(FormView view, FormInput input, bool hasProof)
    {
        var t = view.Text;
        var errors = new List<FieldError>();
        if (input.Right is null || !view.Offers(input.Right))
            errors.Add(new(FirstRight(view), t["Form.Error.Right"]));
        if (input.Email is null)
            errors.Add(new("email", t["Form.Error.EmailRequired"]));
        foreach (var identity in FormIds.IdentityTypes.Where(i => view.Requires(i) && !input.Identities.ContainsKey(i)))
            errors.Add(new(FormIds.Identity(identity), t.Format("Form.Error.IdentityRequired", t[$"Form.Identity.{identity}"])));
        if (input.Right == "objection" && input.ObjectionPurpose is null)
            errors.Add(new(FormIds.Objection(FormIds.ObjectionPurposes[0]), t["Form.Error.Purpose"]));
        if (input.Right == "consent-withdrawal" && input.ConsentPurpose is null)
            errors.Add(new(FormIds.Consent(FormIds.ConsentPurposes[0]), t["Form.Error.Purpose"]));
        if (input.Right == "post-mortem-instructions" && input.PostMortemKind is null)
            errors.Add(new(FormIds.PostMortemKind(FormIds.PostMortemKinds[0]), t["Form.Error.PostMortemKind"]));
        // GDPR Art. 12(6), CCPA regulations §7063: someone acting for another person shows their authority.
        if (input.Acting && !hasProof)
            errors.Add(new("proof", t["Form.Error.ProofRequired"]));
        return errors;
    }

    public static List<FieldError> FromUploads(FormView view, IReadOnlyList<UploadRefusal> refusals, IReadOnlyList<string> fieldOf)
    {
        var t = view.Text;
        return [.. refusals.Select(r => new FieldError(r.Position - 1 < fieldOf.Count ? fieldOf[r.Position - 1] : "documents",
            t.Format($"Form.Error.File.{r.Rule}", r.Position, r.Rule == UploadRules.TooMany ? view.MaxFiles : view.MaxMegabytes)))];
    }

    public static List<FieldError> FromIntake(FormView view, Dictionary<string, string[]> intake)
    {
        var t = view.Text;
        var errors = new List<FieldError>();
        var identities = view.Settings.Identities.Select(i => i.Type).Where(view.Input.Identities.ContainsKey).ToList();
        foreach (var (key, _) in intake)
        {
            FieldError? error = key switch
            {
                "right" => new(FirstRight(view), t["Form.Error.Right"]),
                "subject.email" => new("email", view.Input.Email is null ? t["Form.Error.EmailRequired"] : t["Form.Error.EmailInvalid"]),
                "subject.name" => new("name", t["Form.Error.Name"]),
                "details" => new("details", view.Input.Details is null ? t["Form.Error.DetailsNeeded"] : t["Form.Error.Details"]),
                "purpose" => new(view.Input.Right == "consent-withdrawal" ? FormIds.Consent(FormIds.ConsentPurposes[0])
                    : FormIds.Objection(FormIds.ObjectionPurposes[0]), t["Form.Error.Purpose"]),
                "representative.relationship" => new(FormIds.Relationship("parent"), t[RelationshipError(view.Input)]),
                "representative.name" => new("representative-name", t["Form.Error.RepresentativeName"]),
                "representative.email" => new("representative-email", t["Form.Error.RepresentativeEmail"]),
                "changes" => new(FormIds.ChangeField(0), t["Form.Error.Change"]),
                "transmitTo.controller" => new("transmit-controller", t["Form.Error.TransmitController"]),
                "transmitTo.email" => new("transmit-email", t["Form.Error.TransmitEmail"]),
                "statement" => new("statement", t["Form.Error.Statement"]),
                "restrictionGround" => new(FormIds.Ground(FormIds.RestrictionGrounds[0]), t["Form.Error.Ground"]),
                "automatedDecision.decision" => new("adr-decision", t["Form.Error.AdrDecision"]),
                "automatedDecision.pointOfView" => new("adr-view", t["Form.Error.AdrView"]),
                "postMortem.kind" => new(FormIds.PostMortemKind(FormIds.PostMortemKinds[0]), t["Form.Error.PostMortemKind"]),
                "postMortem.action" => new(FormIds.PostMortemAction(FormIds.PostMortemActions[0]), t["Form.Error.PostMortemAction"]),
                "postMortem.scope" => new("post-mortem-scope", t["Form.Error.PostMortemScope"]),
                "postMortem.designee" or "postMortem.designee.name" => new("designee-name", t["Form.Error.DesigneeName"]),
                "postMortem.designee.email" => new("designee-email", t["Form.Error.DesigneeEmail"]),
                "postMortem.diedOn" => new("died-on", t["Form.Error.DiedOn"]),
                _ when key.StartsWith("changes[", StringComparison.Ordinal) => new(ChangeField(view, key), t["Form.Error.Change"]),
                _ when key.StartsWith("subject.identities[", StringComparison.Ordinal) => Identity(t, key, identities),
                _ => null,
            };
            if (error is not null && errors.All(e => e.FieldId != error.FieldId))
                errors.Add(error);
        }
        if (errors.Count == 0)
            errors.Add(new("right-legend", t["Form.Error.Other"]));
        return errors;
    }

    // LIL art. 85: only the designee or an heir asks after a death, and only then.
    private static string RelationshipError(FormInput input) =>
        input.Right == "post-mortem-instructions" && input.PostMortemKind == Workflows.Requests.PostMortem.AfterDeath
            ? "Form.Error.AfterDeathRequester"
            : input.Relationship is "designee" or "heir" ? "Form.Error.AfterDeathOnly" : "Form.Error.Relationship";

    public static string FirstRight(FormView view) =>
        FormIds.Right(view.Settings.Rights.FirstOrDefault() ?? "access");

    // changes[i] counts the rows the person filled in, in order; map it back to the row on the page.
    private static string ChangeField(FormView view, string key)
    {
        var filled = view.Input.Changes.Select((c, row) => (c, row)).Where(x => x.c.Field.Length > 0 || x.c.Value.Length > 0)
            .Select(x => x.row).ToList();
        var index = int.TryParse(key.AsSpan(8, key.IndexOf(']', StringComparison.Ordinal) - 8), out var i) ? i : 0;
        var row = index < filled.Count ? filled[index] : 0;
        return key.EndsWith(".value", StringComparison.Ordinal) ? FormIds.ChangeValue(row) : FormIds.ChangeField(row);
    }

    private static FieldError Identity(Subjects.SubjectText t, string key, List<string> identities)
    {
        var index = int.TryParse(key.AsSpan(19, key.IndexOf(']', StringComparison.Ordinal) - 19), out var i) ? i : 0;
        var type = index < identities.Count ? identities[index] : FormIds.IdentityTypes[0];
        var phone = type == DsarEngine.Connectors.Contracts.SubjectIdentityTypes.Phone;
        return new(FormIds.Identity(type), phone ? t["Form.Error.Phone"] : t["Form.Error.Identity"]);
    }
}
