using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Backups;

// A system restored from a backup, recorded so that the erasures the backup predates are carried out again
// (BackupRestores). Staff read the record; admins record a restore.
internal static class BackupRestoresApi
{
    public static RouteGroupBuilder MapBackupRestoresApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff/backup-restores").WithTags("Staff: backups").RequireAuthorization(AuthServices.Staff);
        group.MapGet("/", List).WithSummary("The restores recorded: the system, when its backup was taken, the erasures carried out again");
        group.MapPost("/", Record).RequireAuthorization(AuthServices.Admin).Accepts<BackupRestoreBody>("application/json")
            .WithSummary("Record that a system was restored from a backup (admins only): the erasures it predates are carried out again");
        return group;
    }

    private static async Task<Ok<BackupRestoreView[]>> List(ClaimsPrincipal user, BackupRestores restores, CancellationToken ct) =>
        TypedResults.Ok((await restores.ListAsync(user.Tenant(), ct)).ToArray());

    private static async Task<Results<Created<BackupRestoreView>, ValidationProblem, ProblemHttpResult>> Record(HttpRequest http,
        ClaimsPrincipal user, BackupRestores restores, IOptions<IntakeOptions> options, CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync<BackupRestoreBody>(http, options.Value.MaxBodyBytes, ct);
        if (body.Problem is not null)
            return body.Problem;
        var recorded = await restores.RecordAsync(user, body.Value, ct);
        return recorded.Result.Outcome switch
        {
            SettingsChange.Done => TypedResults.Created($"/api/v1/staff/backup-restores/{recorded.Restore!.Id}", recorded.Restore),
            SettingsChange.Invalid => Problems.Validation(recorded.Result.Errors.ToDictionary(), "Nothing was recorded."),
            _ => Problems.Of(StatusCodes.Status403Forbidden, "forbidden", "Only an admin can record a restore."),
        };
    }
}
