namespace DsarEngine.Server.ContractEndings;

// A processor's end of contract for a whole customer (GDPR Art. 28(3)(g), docs/processor-role.md).
internal static class ContractEndingsSetup
{
    public static IServiceCollection AddContractEndings(this IServiceCollection services) => services
        .AddSingleton<ContractEndingStore>()
        .AddSingleton<ContractEndingRunner>()
        .AddSingleton<ContractEndingService>()
        .AddSingleton<EndingBundles>()
        .AddHostedService<ContractEndingTimeouts>();

    public static IEndpointRouteBuilder MapContractEndings(this IEndpointRouteBuilder app) =>
        app.MapContractEndingsApi().MapContractEndingsCustomerApi();
}
