using DsarEngine.Server.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using DsarEngine.Server.Requests;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Server.Identity;

// The subject's side of e-mail identity proof. The link in the e-mail opens a page with one button: a GET
// never verifies, so mail scanners that follow links cannot confirm an identity on the subject's behalf.
internal static class IdentityApi
{
    public static RouteGroupBuilder MapIdentityApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/requests/{reference}/identity").WithTags("Public requests")
            .RequireCors(CorsSetup.PublicPolicy);
        group.MapGet("/", Page).ExcludeFromDescription().RequireRateLimiting(RateLimits.PublicStatus);
        // Codes are guessable in principle: their endpoint has the tighter per-client budget.
        group.MapPost("/", Verify)
            .RequireRateLimiting(RateLimits.PublicCode)
            .Accepts<IdentityProof>("application/json", "application/x-www-form-urlencoded")
            .WithSummary("Prove control of the e-mail address with the one-time link token or the six-digit code");
        return group;
    }

    private static async Task<IResult> Page(string reference, Guid challenge, string token, HttpContext http, RequestStore requests,
        CancellationToken ct)
    {
        Protect(http);
        return new RazorComponentResult<IdentityLinkPage>(new
        {
            Language = await LanguageAsync(reference, requests, ct), Reference = reference, Challenge = challenge, Token = token,
        });
    }

    // The subject's pages' look (/subject/subject.css), posting only here, never framed.
    private static void Protect(HttpContext http) => http.Response.Headers.ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    // The request's language when the engine's subject pages speak it; English for a reference that does not exist (the page
    // says nothing about whether it does: the button's answer is the same either way).
    private static async Task<string> LanguageAsync(string reference, RequestStore requests, CancellationToken ct) =>
        PublicReference.IsWellFormed(reference) && await requests.FindByReferenceAsync(reference, ct) is { } request
            && Subjects.SubjectLanguage.Offered.Contains(request.Language) ? request.Language : "en";

    private static async Task<IResult> Verify(
        string reference, HttpRequest http, IdentityVerification verification, IOptions<IntakeOptions> options, RequestStore requests,
        CancellationToken ct)
    {
        if (SubjectChannel.RefuseStaff(http.HttpContext, "POST /api/v1/staff/requests/{reference}/identity with evidence") is { } refused)
            return refused;
        IdentityProof? proof;
        if (http.HasFormContentType)
        {
            // A body the form reader refuses (too many fields, broken multipart) is the client's fault, not a 500. A body past
            // the size limit (BadHttpRequestException, an IOException) keeps its own answer: 413 body-too-large.
            IFormCollection form;
            try { form = await http.ReadFormAsync(ct); }
            catch (Exception ex) when (ex is InvalidDataException || (ex is IOException && ex is not BadHttpRequestException))
            {
                return Problems.Of(StatusCodes.Status400BadRequest, "malformed-form", "The body is not a readable form.",
                    "Send the challenge with the token or the code, as JSON or as a small form. Nothing was changed.");
            }
            proof = new IdentityProof(Guid.TryParse(form["challenge"], out var id) ? id : null, form["token"], form["code"]);
            // A person pressed the link page's button: they read the outcome as a page in their language, not JSON.
            if (proof.Challenge is { } linked && !string.IsNullOrEmpty(proof.Token) && string.IsNullOrEmpty(proof.Code))
                return await LinkOutcomeAsync(reference, linked, proof.Token, http.HttpContext, verification, requests, ct);
        }
        else
        {
            var body = await JsonBodyReader.ReadAsync<IdentityProof>(http, options.Value.MaxBodyBytes, ct);
            if (body.Problem is not null)
                return body.Problem;
            proof = body.Value!;
        }
        if (proof.Challenge is not { } challenge || (string.IsNullOrEmpty(proof.Token) == string.IsNullOrEmpty(proof.Code)))
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["challenge"] = ["Send the challenge id with either the token from the link or the code."],
            });
        return await verification.VerifyAsync(reference, challenge, proof.Token, proof.Code, ct) switch
        {
            VerificationResult.Verified => TypedResults.Ok(new IdentityVerified(reference, "verified")),
            VerificationResult.Expired => Problems.Of(StatusCodes.Status410Gone, "challenge-expired", "This confirmation has expired.",
                "Ask for a new one from the request's status page."),
            VerificationResult.Used => Problems.Of(StatusCodes.Status409Conflict, "challenge-used", "This confirmation was already used."),
            VerificationResult.TooManyAttempts => Problems.Of(StatusCodes.Status429TooManyRequests, "challenge-locked",
                "Too many wrong codes.", "The organisation will verify your identity another way."),
            VerificationResult.Wrong => Problems.Of(StatusCodes.Status400BadRequest, "challenge-wrong", "The code does not match."),
            VerificationResult.NotWaiting => Problems.Of(StatusCodes.Status409Conflict, "not-waiting-for-identity",
                "This request is not waiting for identity proof."),
            _ => Problems.NotFound("identity confirmation"),
        };
    }

    private static async Task<IResult> LinkOutcomeAsync(string reference, Guid challenge, string token, HttpContext http,
        IdentityVerification verification, RequestStore requests, CancellationToken ct)
    {
        var result = await verification.VerifyAsync(reference, challenge, token, null, ct);
        var (error, status) = result switch
        {
            VerificationResult.Verified => ((string?)null, StatusCodes.Status200OK),
            VerificationResult.Expired => ("Portal.Error.CodeExpired", StatusCodes.Status410Gone),
            VerificationResult.Used => ("Portal.Error.CodeUsed", StatusCodes.Status409Conflict),
            VerificationResult.TooManyAttempts => ("Portal.Error.CodeLocked", StatusCodes.Status429TooManyRequests),
            VerificationResult.NotWaiting => ("Portal.IdentityNotWaiting", StatusCodes.Status409Conflict),
            _ => ("Portal.Error.CodeWrong", StatusCodes.Status400BadRequest),
        };
        Protect(http);
        return new RazorComponentResult<IdentityLinkPage>(new
        {
            Language = await LanguageAsync(reference, requests, ct), Reference = reference, Challenge = challenge, Token = token,
            Done = error is null, ErrorKey = error,
        })
        {
            StatusCode = status,
        };
    }
}

internal sealed record IdentityProof(Guid? Challenge, string? Token, string? Code);

internal sealed record IdentityVerified(string Reference, string Status);
