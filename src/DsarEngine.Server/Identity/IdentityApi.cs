using System.Net;
using DsarEngine.Server.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using DsarEngine.Server.Requests;

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

    private static ContentHttpResult Page(string reference, Guid challenge, string token, HttpContext http)
    {
        http.Response.Headers.ContentSecurityPolicy =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        // Two literals only to keep the lines short: they join with no break between the two inputs.
        var html = $$"""
            <!doctype html><html lang="en"><meta charset="utf-8"><title>Confirm your request</title>
            <body style="font-family:sans-serif;max-width:30em;margin:3em auto">
            <h1>Confirm your request {{WebUtility.HtmlEncode(reference)}}</h1>
            <form method="post"><input type="hidden" name="challenge" value="{{challenge}}">
            """ + $$"""
            <input type="hidden" name="token" value="{{WebUtility.HtmlEncode(token)}}">
            <button type="submit">Yes, I made this request</button></form></body></html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    private static async Task<Results<Ok<IdentityVerified>, ValidationProblem, ProblemHttpResult>> Verify(
        string reference, HttpRequest http, IdentityVerification verification, IOptions<IntakeOptions> options, CancellationToken ct)
    {
        if (SubjectChannel.RefuseStaff(http.HttpContext, "POST /api/v1/staff/requests/{reference}/identity with evidence") is { } refused)
            return refused;
        IdentityProof? proof;
        if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync(ct);
            proof = new IdentityProof(Guid.TryParse(form["challenge"], out var id) ? id : null, form["token"], form["code"]);
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
}

internal sealed record IdentityProof(Guid? Challenge, string? Token, string? Code);

internal sealed record IdentityVerified(string Reference, string Status);
