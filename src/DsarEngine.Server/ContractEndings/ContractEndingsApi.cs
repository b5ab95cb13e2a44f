using System.Security.Claims;
using System.Text.Json;
using DsarEngine.Server.Platform;
using DsarEngine.Workflows.Journal;
using DsarEngine.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.ContractEndings;

// A processor's end of contract for one customer (GDPR Art. 28(3)(g)): an admin records the controller's choice, the
// agreed date and the agreed exceptions; the engine returns and/or deletes through the connectors and issues the
// certificate. Staff read it; only admins start it or make the returned data's link.
internal static class ContractEndingsApi
{
    public static IEndpointRouteBuilder MapContractEndingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff").WithTags("Staff: end of contract").RequireAuthorization(AuthServices.Staff);
        group.MapPost("/workspaces/{key}/end-of-contract", Start).RequireAuthorization(AuthServices.Admin)
            .Accepts<ContractEndingBody>("application/json")
            .WithSummary("End the contract of a workspace's customer: return and/or delete all its data, then certify (admins only)");
        group.MapGet("/contract-endings", List).WithSummary("The ends of contract, newest first");
        group.MapGet("/contract-endings/{id:guid}", Get)
            .WithSummary("One end of contract: what each system did, the certificate, whether its journal verifies");
        group.MapPost("/contract-endings/{id:guid}/bundle-link", BundleLink).RequireAuthorization(AuthServices.Admin)
            .WithSummary("A new expiring link to the returned data, for a controller outside this engine (admins only)");
        return app;
    }

    internal sealed record EndingView(Guid Id, string Workspace, string Choice, DateOnly AgreedOn, IReadOnlyList<LegalHold> Exceptions,
        string Phase, string? Outcome, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? FinishedAt,
        IReadOnlyList<EndingTask>? Tasks = null, JsonElement? Certificate = null, bool? JournalIntact = null,
        IReadOnlyList<string>? Journal = null)
    {
        public static EndingView From(StoredEnding e) => new(e.Id, e.WorkspaceKey, e.Choice, e.AgreedOn, e.Exceptions, e.Phase,
            e.Outcome, e.CreatedAt, e.CreatedBy, e.FinishedAt);

        public static async Task<EndingView> FullAsync(StoredEnding e, ContractEndingStore store, CancellationToken ct)
        {
            var journal = await store.JournalAsync(e.Id, ct);
            return From(e) with
            {
                Tasks = await store.TasksAsync(e.Id, ct),
                Certificate = e.Certificate is { } c ? JsonDocument.Parse(c).RootElement.Clone() : null,
                JournalIntact = JournalChain.FirstBroken(journal) is null,
                Journal = [.. journal.Select(j => j.Kind)],
            };
        }
    }

    private static async Task<Results<Accepted<EndingView>, ValidationProblem, ProblemHttpResult>> Start(string key, HttpRequest http,
        ClaimsPrincipal user, ContractEndingService service, ContractEndingStore store, IOptions<IntakeOptions> options,
        CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync<ContractEndingBody>(http, options.Value.MaxBodyBytes, ct);
        if (body.Problem is not null)
            return body.Problem;
        var started = await service.StartAsync(user, key, body.Value, ct);
        return started.Outcome switch
        {
            StartOutcome.Started => TypedResults.Accepted($"/api/v1/staff/contract-endings/{started.Ending!.Id}",
                await EndingView.FullAsync((await store.FindAsync(user.Tenant(), started.Ending.Id, ct))!, store, ct)),
            StartOutcome.Invalid => Problems.Validation(started.Errors!, "Nothing was stored."),
            StartOutcome.NotProcessor => Problems.Of(StatusCodes.Status409Conflict, "not-a-processor",
                "Only a processor ends a customer's contract; nothing was changed."),
            StartOutcome.NoWorkspace => Problems.NotFound("workspace in your organisation"),
            StartOutcome.Running => Problems.Of(StatusCodes.Status409Conflict, "contract-ending-running",
                "An end of contract of this workspace is still running; nothing was changed."),
            _ => Problems.Of(StatusCodes.Status403Forbidden, "forbidden", "Only an admin can end a customer's contract."),
        };
    }

    private static async Task<Ok<EndingView[]>> List(ClaimsPrincipal user, ContractEndingStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.ListAsync(user.Tenant(), ct)).Select(EndingView.From).ToArray());

    private static async Task<Results<Ok<EndingView>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, ContractEndingStore store,
        CancellationToken ct) =>
        await store.FindAsync(user.Tenant(), id, ct) is { } e
            ? TypedResults.Ok(await EndingView.FullAsync(e, store, ct))
            : Problems.NotFound("end of contract in your organisation");

    internal sealed record BundleLinkView(string Url, DateTimeOffset ExpiresAt);

    private static async Task<Results<Ok<BundleLinkView>, ProblemHttpResult>> BundleLink(Guid id, ClaimsPrincipal user,
        EndingBundles bundles, CancellationToken ct)
    {
        var link = await bundles.NewLinkAsync(user, id, ct);
        return link.Outcome switch
        {
            BundleLinkOutcome.Made => TypedResults.Ok(link.View!),
            BundleLinkOutcome.NotFound => Problems.NotFound("end of contract in your organisation"),
            BundleLinkOutcome.NotReady => Problems.Of(StatusCodes.Status409Conflict, "no-returned-data",
                "There is no returned data (yet): the controller chose deletion only, or the return is still running."),
            _ => Problems.Of(StatusCodes.Status403Forbidden, "forbidden", "Only an admin can make the link."),
        };
    }
}
