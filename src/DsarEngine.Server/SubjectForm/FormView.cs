using DsarEngine.Server.Settings;
using DsarEngine.Server.Subjects;

namespace DsarEngine.Server.SubjectForm;

// One field's problem: the id of the field it links to (the error summary's link, aria-describedby) and the text.
internal sealed record FieldError(string FieldId, string Message);

// Everything the form page renders: the organisation's form, the person's language, what they typed, and what was wrong.
internal sealed record FormView(
    string TenantSlug, string TenantName, FormSettings Settings, string Language, IReadOnlyList<string> Languages, string Token,
    bool Embed, string? Parent, FormInput Input, IReadOnlyList<FieldError> Errors, string? Notice, int MaxFiles, int MaxMegabytes)
{
    public SubjectText Text { get; } = new(Language);

    public string? ErrorFor(string fieldId) => Errors.FirstOrDefault(e => e.FieldId == fieldId)?.Message;

    public bool Offers(string right) => Settings.Rights.Contains(right, StringComparer.Ordinal);

    public bool Requires(string identity) => Settings.Identities.Any(i => i.Type == identity && i.Required);

    public bool Asks(string identity) => Settings.Identities.Any(i => i.Type == identity);

    public string Action
    {
        get
        {
            var query = new List<string> { $"lang={Uri.EscapeDataString(Language)}" };
            if (Embed)
                query.Add("embed=1");
            if (Parent is not null)
                query.Add($"parent={Uri.EscapeDataString(Parent)}");
            return $"/form/{Uri.EscapeDataString(TenantSlug)}?{string.Join('&', query)}";
        }
    }
}
