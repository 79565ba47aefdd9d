using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Stemcodes;
using Burgerbegroting.Voting.Stemcodes;
using Burgerbegroting.Web.Stemcodes;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Web.Tests.Stemcodes;

/// <summary>Editions that vote by stemcode, and codes issued the way staff issue them (the plain codes read back from the batch).</summary>
public static class StemcodeScenario
{
    public static async Task<Edition> CreateStemcodeEditionAsync(this AppFactory app, int themes = 6)
    {
        var edition = await app.CreateEditionAsync(themes);
        await app.WithDbAsync(db => db.Editions.Where(e => e.Id == edition.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.VoterRoll, VoterRoll.Stemcodes)));
        return edition;
    }

    /// <summary>Issues codes for these holders (anonymous codes in Centrum by default) and returns the printed codes, in order.</summary>
    public static async Task<List<string>> IssueCodesAsync(this AppFactory app, int count = 1, StemcodeBatchKind kind = StemcodeBatchKind.Anonymous, IReadOnlyList<CodeHolder>? holders = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Burgerbegroting.Data.AppDbContext>();
        var issuer = scope.ServiceProvider.GetRequiredService<StemcodeIssuer>();
        var edition = await db.Editions.Include(e => e.Rounds).SingleAsync();
        var batch = await issuer.IssueAsync(edition, kind, holders ?? [.. Enumerable.Repeat(new CodeHolder("Centrum"), count)], "test");
        var codes = new List<string>();
        await foreach (var (_, plain) in issuer.PlainCodesAsync(batch))
        {
            codes.Add(Stemcode.Format(plain));
        }

        return codes;
    }

    public static async Task<VotingCode> CodeRowAsync(this AppFactory app, string code) =>
        await app.WithDbAsync(async db =>
        {
            var all = await db.VotingCodes.AsNoTracking().ToListAsync();
            await using var scope = app.Services.CreateAsyncScope();
            var vault = scope.ServiceProvider.GetRequiredService<StemcodeVault>();
            var hash = vault.Hash(Stemcode.Normalize(code)!);
            return all.Single(c => c.Hash.SequenceEqual(hash));
        });

    /// <summary>Types a code at /stemmen/code, as a resident without JavaScript would.</summary>
    public static Task<HttpResponseMessage> EnterCodeAsync(this HttpClient client, string typed) =>
        client.SubmitAsync("/stemmen/code", new Dictionary<string, string> { ["Code"] = typed });
}
