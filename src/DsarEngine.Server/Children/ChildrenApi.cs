using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Settings;
using DsarEngine.Server.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Children;

internal sealed record ChildSettingsBody(int? AgeUnder);

internal sealed record ChildReportView(string Reference, int AgeUnder, bool Duplicate, bool ParentNotified);

// Legal review row 51: staff report a child whose data the organisation holds, which opens the organisation's own erasure
// (ChildErasures); admins set the age under which it does so. The tenant always comes from the API key.
internal static class ChildrenApi
{
    public static IEndpointRouteBuilder MapChildren(this IEndpointRouteBuilder app)
    {
        var settings = app.MapGroup("/api/v1/staff/settings/children").WithTags("Staff: settings").RequireAuthorization(AuthServices.Staff);
        settings.MapGet("/", GetSettings).WithSummary("The age under which the organisation erases a child's data (default 16)");
        settings.MapPut("/", PutSettings).RequireAuthorization(AuthServices.Admin).Accepts<ChildSettingsBody>("application/json")
            .WithSummary("Set that age, 13 to 18; admins only");
        app.MapPost("/api/v1/staff/children", Report).WithTags("Staff: children").RequireAuthorization(AuthServices.StaffWrite)
            .Accepts<ChildReportBody>("application/json")
            .WithSummary("Report that a subject's data concerns a child: opens the organisation's own erasure (one per child)");
        return app;
    }

    private static async Task<Ok<ChildSettingsBody>> GetSettings(ClaimsPrincipal user, ChildStore store, CancellationToken ct) =>
        TypedResults.Ok(new ChildSettingsBody(await store.AgeUnderAsync(user.Tenant(), ct)));

    private static async Task<Results<Ok<ChildSettingsBody>, ValidationProblem, ProblemHttpResult>> PutSettings(HttpRequest http,
        ClaimsPrincipal user, ChildStore store, IOptions<IntakeOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync<ChildSettingsBody>(http, options.Value.MaxBodyBytes, ct);
        if (body.Problem is not null)
            return body.Problem;
        if (!SettingsRoles.MayChange(user))
            return Problems.Of(StatusCodes.Status403Forbidden, "forbidden", "Only an admin can change the organisation's settings.");
        if (body.Value?.AgeUnder is not (>= 13 and <= 18))
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["ageUnder"] = ["Between 13 and 18: the age under which a subject is a child for the organisation."],
            }, "Nothing was changed.");
        await store.SetAgeUnderAsync(user.Tenant(), body.Value.AgeUnder.Value, user.Actor(), clock.GetUtcNow(), ct);
        return TypedResults.Ok(new ChildSettingsBody(await store.AgeUnderAsync(user.Tenant(), ct)));
    }

    private static async Task<Results<Accepted<ChildReportView>, Ok<ChildReportView>, ValidationProblem, ProblemHttpResult>> Report(
        HttpRequest http, ClaimsPrincipal user, ChildErasures children, TenantStore tenants, IOptions<IntakeOptions> options,
        CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync<ChildReportBody>(http, options.Value.MaxBodyBytes, ct);
        if (body.Problem is not null)
            return body.Problem;
        var tenant = await tenants.FindAsync(user.Tenant(), ct) ?? throw new InvalidOperationException("The key's tenant is gone.");
        return await children.ReportAsync(tenant, body.Value!, "staff", user.Actor(), ct) switch
        {
            ChildReportResult.Opened { Duplicate: true } o => TypedResults.Ok(View(o)),
            ChildReportResult.Opened o => TypedResults.Accepted($"/api/v1/staff/requests/{o.Reference}", View(o)),
            ChildReportResult.Invalid i => Problems.Validation(i.Errors, "Correct the fields listed in errors; nothing was opened."),
            ChildReportResult.Refused r => Problems.Of(r.Status, r.Slug, r.Title, r.Detail),
            var other => throw new InvalidOperationException($"Unexpected result {other.GetType().Name}."),
        };
    }

    private static ChildReportView View(ChildReportResult.Opened o) => new(o.Reference, o.AgeUnder, o.Duplicate, o.ParentNotified);
}

internal static class ChildrenSetup
{
    public static IServiceCollection AddChildren(this IServiceCollection services) =>
        services.AddSingleton<ChildStore>().AddSingleton<ChildErasures>();
}
