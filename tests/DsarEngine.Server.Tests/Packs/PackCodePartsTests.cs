using DsarEngine.Server.Mail;
using DsarEngine.Workflows.Mail;
using DsarEngine.Server.Packs;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Packs;

// One code for the letter and the copy: after its first download a code opens each other part of the answer once, for
// ten minutes, even past its own fifteen; never the same part twice. The times are given to the store, not waited for.
public sealed class PackCodePartsTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static readonly PackCodeLimits Generous = new(100, 100);

    private static async Task<(StoredRequest Request, PackCodes Codes)> RequestAsync()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, "access");
        var request = (await Engine.Services.GetRequiredService<RequestStore>().FindAsync(tenant.Id, reference, default))!;
        return (request, Engine.Services.GetRequiredService<PackCodes>());
    }

    private static async Task<(Guid Id, string Code)> CodeAsync(PackCodes codes, StoredRequest request, DateTimeOffset at)
    {
        var issue = await codes.CreateAsync(request,
            id => new MailDraft(id, "subject@example.org", MailTemplates.PackCode, "en", "{}"), Generous, at, default);
        return (issue.Id!.Value, codes.Code(issue.Id.Value));
    }

    [Test]
    public async Task A_used_code_opens_the_other_part_once_within_ten_minutes_even_past_its_validity_and_no_part_twice()
    {
        var (request, codes) = await RequestAsync();
        var t0 = TimeProvider.System.GetUtcNow();
        var (id, code) = await CodeAsync(codes, request, t0);
        async Task<PackCodeCheck> UseAsync(string part, TimeSpan after, string? with = null) =>
            (await codes.UseAsync(request, id, with ?? code, part, Generous, t0 + after, default)).Check;

        var letter = await UseAsync("letter", TimeSpan.FromMinutes(14));
        var letterAgain = await UseAsync("letter", TimeSpan.FromMinutes(15));
        var wrong = await UseAsync("copy", TimeSpan.FromMinutes(16), code == "000000" ? "111111" : "000000");
        var copy = await UseAsync("copy", TimeSpan.FromMinutes(23));
        var copyAgain = await UseAsync("copy", TimeSpan.FromMinutes(23));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(letter, Is.EqualTo(PackCodeCheck.Accepted));
            Assert.That(letterAgain, Is.EqualTo(PackCodeCheck.Spent), "the same part twice needs a new code");
            Assert.That(wrong, Is.EqualTo(PackCodeCheck.Wrong), "a used code is still checked");
            Assert.That(copy, Is.EqualTo(PackCodeCheck.Accepted), "nine minutes after the letter, past the code's fifteen");
            Assert.That(copyAgain, Is.EqualTo(PackCodeCheck.Spent));
        }
    }

    [Test]
    public async Task Ten_minutes_after_its_first_download_a_code_opens_nothing_more_and_an_unused_one_expires_as_before()
    {
        var (request, codes) = await RequestAsync();
        var t0 = TimeProvider.System.GetUtcNow();
        var (used, usedCode) = await CodeAsync(codes, request, t0);
        var (unused, unusedCode) = await CodeAsync(codes, request, t0);
        var letter = (await codes.UseAsync(request, used, usedCode, "letter", Generous, t0, default)).Check;
        var copyLate = (await codes.UseAsync(request, used, usedCode, "copy", Generous, t0 + TimeSpan.FromMinutes(10), default)).Check;
        var expired = (await codes.UseAsync(request, unused, unusedCode, "copy", Generous, t0 + TimeSpan.FromMinutes(15), default)).Check;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(letter, Is.EqualTo(PackCodeCheck.Accepted));
            Assert.That(copyLate, Is.EqualTo(PackCodeCheck.Spent));
            Assert.That(expired, Is.EqualTo(PackCodeCheck.Spent));
        }
    }
}
