using System.Security.Cryptography;
using System.Text.Json;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Uploads;
using DsarEngine.Workflows.Requests;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.SubjectForm;

// POST /form/{tenant}: the abuse checks (honeypot, minimum fill time, token age, the organisation's budget), the form's own
// checks and the documents' checks, then intake. Each refusal re-renders the form (values kept) or a message page in the
// person's language, and nothing is stored: intake stores the request, its documents and its e-mail in one transaction.
internal sealed class FormSubmission(FormPages pages, FormToken tokens, IntakeService intake, UploadCheck uploads, SubjectUploads store,
    TenantIntakeBudget budget, IOptions<FormOptions> options, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Every document at its limit, plus the proof of authority, plus the fields (at most 1 MiB).
    public static long MaxBodyBytes(UploadOptions limits) => (long)limits.MaxBytes * (limits.MaxFiles + 1) + 1_048_576;

    public async Task<IResult> HandleAsync(FoundForm found, HttpContext http, string? lang, string? embed, string? parent,
        CancellationToken ct)
    {
        var limits = uploads.Limits;
        IFormCollection form;
        try
        {
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new Microsoft.AspNetCore.Http.Features.FormOptions
            {
                MultipartBodyLengthLimit = MaxBodyBytes(limits), ValueCountLimit = 100, ValueLengthLimit = 65_536,
            }));
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            var blank = pages.NewView(found, http, lang, embed, parent, new FormInput(), [], null);
            return FormPages.Message(http, found, blank.Language, blank.Text["Common.ErrorSummaryTitle"], blank.Text["Form.Error.TooLarge"],
                StatusCodes.Status413PayloadTooLarge);
        }
        var input = FormInput.From(form);
        var view = pages.NewView(found, http, lang, embed, parent, input, [], null);
        IResult Again(int status, string notice, IReadOnlyList<FieldError>? errors = null) =>
            FormPages.Render(http, found, view with { Notice = notice, Errors = errors ?? [] }, status);

        // A robot fills every field; a person never sees this one. No person types a NUL either, and PostgreSQL's text
        // cannot store one (the JSON door refuses it in JsonBodyReader).
        if (!string.IsNullOrEmpty(form["website"].ToString())
            || form.Any(f => f.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)))
            return Again(StatusCodes.Status400BadRequest, view.Text["Form.Error.NotAccepted"]);
        var now = clock.GetUtcNow();
        if (tokens.Read(form["token"].ToString()) is not { } token || token.Tenant != found.Tenant.Slug)
            return Again(StatusCodes.Status400BadRequest, view.Text["Form.Error.NotAccepted"]);
        if (now - token.ServedAt < TimeSpan.FromSeconds(options.Value.MinFillSeconds))
            return Again(StatusCodes.Status400BadRequest, view.Text["Form.Error.TooFast"]);
        if (now - token.ServedAt > TimeSpan.FromMinutes(options.Value.MaxAgeMinutes))
            return Again(StatusCodes.Status400BadRequest, view.Text["Form.Error.Expired"]);

        var files = await FilesAsync(form, input.Acting, ct);
        var (checkedFiles, refusals) = uploads.Check(files);
        var errors = FormErrors.Check(view, input, files.Any(f => f.Kind == "proof-of-authority"));
        var fieldOf = files.Select(f => f.Kind == "proof-of-authority" ? "proof" : "documents").ToList();
        errors.AddRange(FormErrors.FromUploads(view, refusals, fieldOf));
        if (errors.Count > 0)
            return FormPages.Render(http, found, view with { Errors = errors }, StatusCodes.Status422UnprocessableEntity);

        if (budget.Refusal(found.Tenant.Slug) is { } wait)
            return FormPages.Message(http, found, view.Language, view.Text["Common.ErrorSummaryTitle"],
                view.Text.Format("Common.TooManyRequests", Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))),
                StatusCodes.Status429TooManyRequests);

        var submission = input.ToIntake(found.Tenant.Slug, view.Language, [.. found.Settings.Identities.Select(i => i.Type)]);
        var result = await intake.SubmitAsync(new IntakeCommand(submission, IntakeOrigin.Public, Fingerprint(submission, checkedFiles),
            token.IdempotencyKey, ForeignOrigin(http), "subject", null)
        {
            Attachments = checkedFiles.Count == 0 ? null : (c, tx, request, ct2) =>
                store.WriteAsync(c, tx, request.TenantId, request.Id, null, checkedFiles, request.CreatedAt, ct2),
            GlobalPrivacyControl = GlobalPrivacyControl.Sent(http.Request),
        }, ct);
        return result switch
        {
            IntakeResult.Accepted accepted => FormPages.Done(http, found, view, accepted.Request),
            IntakeResult.Invalid invalid => FormPages.Render(http, found,
                view with { Errors = FormErrors.FromIntake(view, invalid.Errors) },
                StatusCodes.Status422UnprocessableEntity),
            IntakeResult.Refused { Slug: "origin-not-allowed" } refused => Again(refused.Status, view.Text["Form.Error.Origin"]),
            IntakeResult.Refused refused => Again(refused.Status, view.Text["Form.Error.NotAccepted"]),
            _ => Again(StatusCodes.Status422UnprocessableEntity, view.Text["Form.Error.NotAccepted"]),
        };
    }

    // The documents as sent, in order: the proof of authority (only when acting for someone) first, then the others.
    private static async Task<List<IncomingFile>> FilesAsync(IFormCollection form, bool acting, CancellationToken ct)
    {
        var sent = form.Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName))
            .Where(f => f.Name == "documents" || (acting && f.Name == "proof"))
            .OrderBy(f => f.Name == "proof" ? 0 : 1).ToList();
        var files = new List<IncomingFile>(sent.Count);
        foreach (var file in sent)
        {
            await using var stream = file.OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            files.Add(new IncomingFile(files.Count + 1, file.Name == "proof" ? "proof-of-authority" : "supporting", file.FileName,
                file.ContentType, buffer.ToArray()));
        }
        return files;
    }

    // What makes two sends the same submission: the fields as intake reads them and each document's digest (a multipart body
    // differs by its boundary on every send, so it cannot be the fingerprint).
    private static byte[] Fingerprint(IntakeForm submission, IReadOnlyList<CheckedFile> files) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            submission,
            documents = files.Select(f => new { f.Kind, sha256 = Convert.ToHexStringLower(SHA256.HashData(f.Content)) }),
        }, Json);

    // The form posts to its own origin; a browser on another site posting it directly is checked like the JSON API's
    // callers (the organisation's allowed origins).
    private static string? ForeignOrigin(HttpContext http)
    {
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || origin == "null")
            return null;
        var own = $"{http.Request.Scheme}://{http.Request.Host}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) ? null : origin;
    }
}
