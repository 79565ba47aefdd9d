using System.Net;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Voting.Paper;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Accounts;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Editions.Demo;
using Burgerbegroting.Web.Ideas;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Web.Tests.Editions;

/// <summary>The demo edition: seeded through the service, by `seed-demo` as a real process, and in Development.</summary>
public sealed class DemoEditionTests
{
    private static async Task<DemoSeedResult> SeedAsync(AppFactory app, DemoStage stage)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoEdition>().SeedAsync(stage);
    }

    private static Task<Dictionary<int, RoundStatus>> StatusesAsync(AppFactory app) =>
        app.WithDbAsync(db => db.Rounds.ToDictionaryAsync(r => r.Number, r => r.Status));

    private static Task<Dictionary<int, int>> BallotsAsync(AppFactory app) =>
        app.WithDbAsync(db => (from b in db.Ballots join r in db.Rounds on b.RoundId equals r.Id group b by r.Number into g select new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count));

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("3")]
    [InlineData("4")]
    [InlineData("done")]
    public async Task Each_stage_reaches_exactly_its_round_with_ballots_ideas_and_budgets(string name)
    {
        Assert.True(DemoStages.TryParse(name, out var stage));
        await using var app = new AppFactory();
        var result = await SeedAsync(app, stage);

        Assert.True(result.Seeded);
        var statuses = await StatusesAsync(app);
        for (var round = 1; round <= 4; round++)
        {
            var expected = round < stage.OpenRound() ? RoundStatus.Published : round == stage.OpenRound() ? RoundStatus.Open : RoundStatus.Planned;
            Assert.True(expected == statuses[round], $"stage {name}: round {round} is {statuses[round]}, expected {expected}");
        }

        var ballots = await BallotsAsync(app);
        Assert.True(ballots[1] > 30, $"round 1 has {ballots[1]} ballots");
        Assert.Equal(stage >= DemoStage.RoundTwoOpen, ballots.GetValueOrDefault(2) > 30);
        Assert.Equal(stage >= DemoStage.RoundFourOpen, ballots.GetValueOrDefault(4) > 30);
        Assert.Equal([.. Enumerable.Range(1, 4).Select(n => ballots.GetValueOrDefault(n))], result.BallotsPerRound);

        var themes = await app.WithDbAsync(db => db.Themes.AsNoTracking().ToListAsync());
        Assert.Equal(stage >= DemoStage.RoundTwoOpen ? 5 : 0, themes.Count(t => t.Chosen));
        if (stage >= DemoStage.RoundThreeOpen)
        {
            Assert.Equal(DemoCity.TotalBudget, themes.Sum(t => t.Budget ?? 0));
            Assert.All(themes.Where(t => t.Chosen), t => Assert.True(t.Budget > 0));
        }

        var ideas = await app.WithDbAsync(db => db.Ideas.AsNoTracking().Include(i => i.Submitter).Include(i => i.Theme).ToListAsync());
        Assert.Equal(stage >= DemoStage.RoundThreeOpen ? DemoIdeas.All.Length : 0, ideas.Count);
        if (stage >= DemoStage.RoundThreeOpen)
        {
            Assert.Equal(2, ideas.Where(i => i.ByNetwork).Select(i => i.SubmitterId).Distinct().Count());
            Assert.Contains(ideas, i => !i.ByNetwork && i.Submitter.Kind == AccountKind.Resident);
            Assert.All(ideas, i => Assert.True(i.Theme.Chosen && (i.FinalCost ?? i.EstimatedCost) <= i.Theme.Budget, i.Title));
            var refused = ideas.Where(i => i.Status == IdeaStatus.NotAdmitted).ToList();
            Assert.Equal(2, refused.Count);
            Assert.All(refused, i => Assert.Contains(i.ReviewReason, IdeaOptions.DefaultReasons));
            Assert.All(refused, i => Assert.False(string.IsNullOrWhiteSpace(i.ReviewNote)));
            Assert.All(ideas.Where(i => i.Status == IdeaStatus.Admitted), i => Assert.NotNull(i.FinalCost));
        }

        if (stage == DemoStage.RoundThreeOpen)
        {
            // A living round 3: some ideas decided, some in review, some still waiting.
            Assert.Contains(ideas, i => i.Status == IdeaStatus.Admitted);
            Assert.Contains(ideas, i => i.Status == IdeaStatus.InReview);
            Assert.Contains(ideas, i => i.Status == IdeaStatus.Submitted);
        }

        if (stage >= DemoStage.RoundFourOpen)
        {
            Assert.DoesNotContain(ideas, i => i.Status is IdeaStatus.Submitted or IdeaStatus.InReview);
        }

        var results = await app.WithDbAsync(db => db.IdeaResults.AsNoTracking().ToListAsync());
        Assert.Equal(stage == DemoStage.Done, results.Count > 0);
        if (stage == DemoStage.Done)
        {
            Assert.Equal(result.Winners, results.Count(r => r.Selected));
            Assert.InRange(result.Winners, 1, results.Count - 1);
        }
    }

    [Fact]
    public async Task Seeding_again_does_nothing_and_says_so()
    {
        await using var app = new AppFactory();
        var first = await SeedAsync(app, DemoStage.RoundTwoOpen);
        var counts = await app.WithDbAsync(async db => (await db.Users.CountAsync(), await db.Ballots.CountAsync(), await db.Editions.CountAsync(), await db.AuditEntries.CountAsync()));

        var second = await SeedAsync(app, DemoStage.Done);

        Assert.False(second.Seeded);
        Assert.Equal(first.EditionName, second.EditionName);
        Assert.Contains("not seeded", string.Join("\n", second.Describe()), StringComparison.Ordinal);
        Assert.Equal(counts, await app.WithDbAsync(async db => (await db.Users.CountAsync(), await db.Ballots.CountAsync(), await db.Editions.CountAsync(), await db.AuditEntries.CountAsync())));
        Assert.Equal(RoundStatus.Open, (await StatusesAsync(app))[2]);
    }

    [Fact]
    public async Task The_demo_is_the_same_every_time_and_on_PostgreSQL()
    {
        static async Task<List<string>> OutcomeAsync(TestDatabase database)
        {
            await using var app = new AppFactory(database);
            await SeedAsync(app, DemoStage.Done);
            var budgets = await app.WithDbAsync(db => db.Themes.Select(t => t.Name + ": " + t.Budget).ToListAsync());
            var ideas = await app.WithDbAsync(db => db.IdeaResults.Select(r => r.Idea.Title + ": " + r.Votes + (r.Selected ? " won" : " lost")).ToListAsync());
            // Sorted here, not by the database: the two providers collate text differently.
            return [.. budgets.Concat(ideas).Order(StringComparer.Ordinal)];
        }

        var first = await OutcomeAsync(TestDatabase.Sqlite);
        Assert.Equal(first, await OutcomeAsync(TestDatabase.Sqlite));
        Assert.Equal(first, await OutcomeAsync(TestDatabase.Postgres));
    }

    [Fact]
    public async Task Demo_residents_are_eligible_and_everyone_signs_in_with_the_demo_password()
    {
        await using var app = new AppFactory();
        await SeedAsync(app, DemoStage.RoundOneOpen);
        var (edition, residents) = await app.WithDbAsync(async db => (await db.CurrentAsync(), await db.Users.Where(u => u.Kind == AccountKind.Resident).ToListAsync()));
        var eligibility = app.Services.GetRequiredService<Eligibility>();
        Assert.True(residents.Count >= 40, $"{residents.Count} residents");
        Assert.All(residents, r => Assert.Empty(eligibility.Check(r, edition!)));
        Assert.All(residents, r => Assert.EndsWith("@" + DemoPeople.EmailDomain, r.Email, StringComparison.Ordinal));

        // The demo votes by stemcode: every resident has a code linked to their account, and every ballot is a linked code's.
        Assert.Equal(VoterRoll.Stemcodes, edition!.VoterRoll);
        var linked = await app.WithDbAsync(db => db.VotingCodes.Where(c => c.AccountId != null && c.RevokedAt == null).ToDictionaryAsync(c => c.VoterId, c => c.AccountId!));
        Assert.All(residents, r => Assert.Contains(r.Id, linked.Values));
        // Account ballots belong to linked codes; the letter holders' ballots to codes without an account; the event's
        // paper sheets are ballots of their own, cast by letter holders who checked in and did not vote online.
        var ballots = await app.WithDbAsync(db => db.Participations.Select(p => new { p.VoterId, p.Channel }).ToListAsync());
        var unlinked = await app.WithDbAsync(db => db.VotingCodes.Where(c => c.AccountId == null).ToDictionaryAsync(c => c.VoterId, c => c.Id));
        Assert.All(ballots.Where(b => b.Channel == BallotChannel.Account), b => Assert.Contains(residents, r => r.Id == linked[b.VoterId]));
        Assert.All(ballots.Where(b => b.Channel == BallotChannel.Stemcode), b => Assert.True(unlinked.ContainsKey(b.VoterId)));
        Assert.True(ballots.Count(b => b.Channel == BallotChannel.Stemcode) > 300);
        Assert.Equal(5, ballots.Count(b => b.Channel == BallotChannel.Paper));
        var checkedIn = await app.WithDbAsync(db => db.EventCheckIns.Select(c => c.VotingCodeId!.Value).ToListAsync());
        Assert.Equal(7, checkedIn.Count);
        Assert.DoesNotContain(ballots, b => unlinked.TryGetValue(b.VoterId, out var code) && checkedIn.Contains(code));

        await app.SignInAsync("anouk.janssen@" + DemoPeople.EmailDomain, AccountSeeder.DemoPassword);
        await app.SignInAsync("sanne.vanderlinden@" + DemoPeople.EmailDomain, AccountSeeder.DemoPassword);
        await app.SignInAsync(DemoPeople.Networks[1].Email, AccountSeeder.DemoPassword);
        await app.SignInAsync("medewerker@" + DemoPeople.EmailDomain, AccountSeeder.DemoPassword);
        var staff = await app.SignInAsync("beheerder@" + DemoPeople.EmailDomain, AccountSeeder.DemoPassword);
        var networks = await staff.GetDocumentAsync("/beheer/buurtnetwerken");
        Assert.Contains(DemoPeople.Networks[2].Organisation, networks.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_show_the_demo_edition()
    {
        await using var app = new AppFactory();
        await SeedAsync(app, DemoStage.Done);
        var client = app.CreateBrowserlessClient();
        var results = await app.ResultsUrlAsync();
        var expected = new Dictionary<string, string[]>
        {
            ["/"] = ["Burgerbegroting Maastricht", "Groen in de wijk", "€ 1.500.000"],
            ["/ideeen"] = ["Pocketpark op het Mgr. Nolensplein", "Buurtnetwerk Malberg", "Wyckerpoort Verbindt", "Anouk Janssen", "Céramique"],
            [$"{results}/1"] = ["Spelen en bewegen", "Jongeren"],
            [$"{results}/2"] = ["Groen in de wijk", "Schoon en heel"],
            [$"{results}/4"] = ["Buurtkamer in Wittevrouwenveld", "Buurtboomgaard in het park van Caberg"],
        };
        foreach (var (url, texts) in expected)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
            var text = (await Forms.ParseAsync(response)).Body!.TextContent;
            Assert.All(texts, t => Assert.Contains(t, text, StringComparison.Ordinal));
        }

        var refused = await app.WithDbAsync(db => db.Ideas.Where(i => i.Status == IdeaStatus.NotAdmitted).Select(i => i.Id).FirstAsync());
        Assert.Contains("woningcorporatie", (await client.GetDocumentAsync($"/ideeen/{refused}")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_start_seeds_the_demo_at_the_configured_stage()
    {
        await using var app = new DevelopmentAppFactory();
        app.With("Demo:Stage", "2");
        Assert.Equal(RoundStatus.Open, (await StatusesAsync(app))[2]);
        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "inwoner@" + DemoPeople.EmailDomain)));
    }

    [Fact]
    public async Task Seed_demo_command_fills_a_fresh_database_once_and_warns_about_the_password()
    {
        var folder = TestEnvironment.NewTempDirectory("seed-demo");
        var (exit, output) = await AppProcess.RunAsync(folder, "seed-demo", "--stage", "done");
        Assert.True(exit == 0, output);
        Assert.Contains("seeded at stage done", output, StringComparison.Ordinal);
        Assert.Contains("anouk.janssen@demo.burgerbegroting.nl", output, StringComparison.Ordinal);
        Assert.Contains("WARNING: every demo account", output, StringComparison.Ordinal);
        Assert.Contains(AccountSeeder.DemoPassword, output, StringComparison.Ordinal);

        var (again, secondOutput) = await AppProcess.RunAsync(folder, "seed-demo");
        Assert.True(again == 0, secondOutput);
        Assert.Contains("An edition exists already", secondOutput, StringComparison.Ordinal);

        await using var app = new AppFactory(sqliteFile: Path.Combine(folder, "app.db"));
        Assert.All((await StatusesAsync(app)).Values, s => Assert.Equal(RoundStatus.Published, s));
        Assert.Equal(1, await app.WithDbAsync(db => db.Editions.CountAsync()));
    }

    [Fact]
    public async Task Seed_demo_with_an_unknown_stage_explains_itself_and_exits_2()
    {
        var (exit, output) = await AppProcess.RunAsync(TestEnvironment.NewTempDirectory("seed-demo"), "seed-demo", "--stage", "5");
        Assert.Equal(2, exit);
        Assert.Contains("Usage: seed-demo", output, StringComparison.Ordinal);
    }

    /// <summary>The app as `dotnet run` starts it: Development, so the demo is seeded at start.</summary>
    private sealed class DevelopmentAppFactory : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }

    [Fact]
    public async Task Each_demo_voting_round_has_an_event_of_typed_sheets_and_the_open_round_a_dispute_for_the_coordinator()
    {
        await using var app = new AppFactory();
        await SeedAsync(app, DemoStage.RoundFourOpen);
        var sheets = await app.WithDbAsync(db => (from s in db.PaperSheets
                                                  join r in db.Rounds on s.RoundId equals r.Id
                                                  select new { r.Number, s.Status, s.DecidedBy, Entries = s.Entries.Count }).ToListAsync());
        Assert.Equal([1, 2, 4], sheets.Select(s => s.Number).Distinct().Order());
        Assert.All(sheets, s => Assert.Equal(2, s.Entries));
        foreach (var round in new[] { 1, 2 })
        {
            Assert.DoesNotContain(sheets, s => s.Number == round && s.Status is SheetStatus.Disputed or SheetStatus.Waiting);
            Assert.Single(sheets, s => s.Number == round && s.DecidedBy is not null);
            Assert.Single(sheets, s => s.Number == round && s.Status == SheetStatus.Invalid);
        }

        Assert.Single(sheets, s => s.Number == 4 && s.Status == SheetStatus.Disputed);
        Assert.Equal(TransitionError.PaperPending, await app.StepAsync(4, async (l, id) =>
        {
            await l.CloseAsync(id);
            return await l.PublishAsync(id);
        }));
    }
}
