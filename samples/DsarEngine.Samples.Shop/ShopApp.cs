using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DsarEngine.Samples.Shop;

// The shop's web side: the privacy page in each language, its style sheet, and the headers a careful site sends.
public static class ShopApp
{
    public static WebApplication Build(string[] args, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddRazorComponents();
        builder.Services.AddOptions<ShopOptions>().BindConfiguration(ShopOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ShopOptions>, ShopOptionsValidation>();
        // A bad Shop:Url is reported with the other settings at start (ShopOptions.Problems), not by Kestrel.
        var url = builder.Configuration["Shop:Url"];
        builder.WebHost.UseUrls(Uri.TryCreate(url, UriKind.Absolute, out _) ? url! : new ShopOptions().Url);
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            var shop = context.RequestServices.GetRequiredService<IOptions<ShopOptions>>().Value;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Policy(shop);
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            await next();
        });

        app.MapGet("/", () => Results.Redirect("/privacy"));
        app.MapGet("/privacy", (string? lang, IOptions<ShopOptions> shop) => Page(lang, shop.Value));
        foreach (var language in ShopTexts.Languages.Where(l => l != "en"))
            app.MapGet(ShopTexts.PathOf(language), (IOptions<ShopOptions> shop) => Page(language, shop.Value));
        app.MapGet("/shop.css", () =>
        {
            var css = typeof(ShopApp).Assembly.GetManifestResourceStream("shop.css")!;
            return Results.Stream(css, "text/css; charset=utf-8");
        });
        return app;
    }

    // Strict: the shop's own style sheet, and the engine's origin for its script and its frame, nothing else. No inline
    // script or style, no plugin, no form posting anywhere, and nobody frames the shop.
    public static string Policy(ShopOptions shop) =>
        $"default-src 'none'; script-src {shop.EngineOrigin()}; frame-src {shop.EngineOrigin()}; style-src 'self'; img-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";

    private sealed class ShopOptionsValidation : IValidateOptions<ShopOptions>
    {
        public ValidateOptionsResult Validate(string? name, ShopOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }

    private static RazorComponentResult<PrivacyPage> Page(string? lang, ShopOptions shop) =>
        new(new Dictionary<string, object?> { [nameof(PrivacyPage.Texts)] = ShopTexts.For(lang), [nameof(PrivacyPage.Shop)] = shop });
}
