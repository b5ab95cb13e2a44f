using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DsarEngine.Server.Mail;
using DsarEngine.Server.Requests;
using DsarEngine.Workflows.Mail;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Security;
using DsarEngine.Workflows.Tenants;

namespace DsarEngine.Server.Children;

internal abstract record ChildReportResult
{
    // Duplicate: the same child was reported before; the erasure that report opened is the one answered.
    public sealed record Opened(string Reference, int AgeUnder, bool Duplicate, bool ParentNotified) : ChildReportResult;
    public sealed record Invalid(Dictionary<string, string[]> Errors) : ChildReportResult;
    public sealed record Refused(int Status, string Slug, string Title, string Detail) : ChildReportResult;
}

// Legal review row 51: the organisation learns that data it holds concerns a child under its age threshold and erases it on
// its own initiative (GDPR Art. 17(1)(f): data collected in relation to an information-society service offered to a child,
// Art. 8(1); seed 002: "children's data is deleted"). Nobody asked, so the erasure enters like a controller's forwarded
// request: identity-verified (there is no requester to verify) and nothing sent to the subject (the child is never written
// to). It is still an erasure: a person assesses it, legal holds travel with the erase commands, every system is told.
// One erasure per child: a second report finds the first (child_reports, and the intake's idempotency key under a race).
internal sealed class ChildErasures(IntakeService intake, ChildStore store, SecretTokens tokens, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ChildReportResult> ReportAsync(Tenant tenant, ChildReportBody body, string source, string actor,
        CancellationToken ct)
    {
        if (body.Tenant is { } named && named != tenant.Slug)
            return new ChildReportResult.Refused(StatusCodes.Status403Forbidden, "other-organisation",
                "You may report children only in your own organisation.",
                "The tenant named is not the one your credential belongs to; nothing was opened.");
        var now = clock.GetUtcNow();
        var ageUnder = await store.AgeUnderAsync(tenant.Id, ct);
        var form = new IntakeForm
        {
            Tenant = tenant.Slug, Right = "erasure", Channel = "controller", Language = body.Language, Subject = body.Subject,
            Details = $"Opened on the organisation's own initiative ({source}): the data concerns a child under {ageUnder} " +
                "(GDPR Art. 8, 17(1)(f); the organisation's policy). Nobody asked; the child is not written to.",
        };
        var intakeErrors = new IntakeErrors();
        var request = IntakeValidator.Validate(form, IntakeOrigin.Controller, now, intakeErrors);
        var errors = intakeErrors.ToDictionary();
        var age = ChildReportChecks.Age(body, DateOnly.FromDateTime(now.UtcDateTime), errors);
        ChildReportChecks.Parent(body.Parent, errors);
        if (errors.Count > 0 || request is null || age is null)
            return new ChildReportResult.Invalid(errors);
        if (age >= ageUnder)
            return new ChildReportResult.Refused(StatusCodes.Status422UnprocessableEntity, "not-a-child",
                $"The subject is not under {ageUnder}, the organisation's age for children's data.",
                "Nothing was opened. An admin sets the age with PUT /api/v1/staff/settings/children.");

        var key = SubjectKey(tenant.Id, request.Subject);
        if (await store.FindAsync(tenant.Id, key, ct) is { } earlier)
            return new ChildReportResult.Opened(earlier, ageUnder, Duplicate: true, ParentNotified: false);
        var notify = body.Parent?.Email?.Trim();
        var command = new IntakeCommand(form, IntakeOrigin.Controller, key, $"child:{Convert.ToHexStringLower(key)}", null, actor,
            tenant.Id)
        {
            Initiative = new { by = "organisation", reason = "child", ageUnder, source, law = "GDPR Art. 8, 17(1)(f)" },
            Attachments = async (c, tx, stored, ct) =>
            {
                await ChildStore.InsertAsync(c, tx, new(tenant.Id, key, stored.Id, source, ageUnder, actor, now), ct);
                if (notify is not null)
                    await MailboxStore.EnqueueAsync(c, tx, tenant.Id, stored.Id, ParentNotice(stored, notify, body, ageUnder), now, ct);
            },
        };
        return await intake.SubmitAsync(command, ct) switch
        {
            IntakeResult.Accepted a => new ChildReportResult.Opened(a.Request.Reference, ageUnder, a.Replayed,
                !a.Replayed && notify is not null),
            IntakeResult.Invalid i => new ChildReportResult.Invalid(i.Errors),
            IntakeResult.Refused r => new ChildReportResult.Refused(r.Status, r.Slug, r.Title, r.Detail),
            var other => throw new InvalidOperationException($"Unexpected intake result {other.GetType().Name}."),
        };
    }

    // The parent or guardian, in the request's language (Russian for a 152-FZ operator writing in Russian); never the child.
    private static MailDraft ParentNotice(StoredRequest request, string to, ChildReportBody body, int ageUnder) =>
        new(Guid.CreateVersion7(request.CreatedAt), to, MailTemplates.ChildDataErasure, request.Language,
            JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["reference"] = request.Reference, ["ageUnder"] = ageUnder.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["child"] = body.Subject?.Name?.Trim() is { Length: > 0 } name ? name : ChildMailTexts.Unnamed(request.Language),
            }, Json));

    // The same child under the same organisation gives the same key, whatever else the reports say: the e-mail address
    // (case ignored) when there is one, else the first identity by type. Keyed with a per-tenant secret, so the stored key
    // reveals no address.
    private byte[] SubjectKey(Guid tenantId, Subject subject)
    {
        var identity = subject.Email is { } email ? $"email:{email.ToLowerInvariant()}"
            : subject.Identities.OrderBy(i => i.Type, StringComparer.Ordinal).ThenBy(i => i.Value, StringComparer.Ordinal)
                .Select(i => $"{i.Type}:{i.Value}").First();
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(tokens.Derive("child-report", tenantId)), Encoding.UTF8.GetBytes(identity));
    }
}
