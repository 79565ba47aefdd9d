using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Web.Tests.Editions;

/// <summary>Builds editions for tests that are about a later step; the steps themselves are tested through the pages.</summary>
public static class EditionScenario
{
    public static readonly string[] ThemeNames = ["Groen en spelen", "Verkeersveiligheid", "Ontmoeten", "Jongeren", "Schoon en heel", "Cultuur", "Sport"];

    public static async Task<Edition> CreateEditionAsync(this AppFactory app, int themes = 6, long budget = 1_000_000, int k = 3, int n = 5)
    {
        return await app.WithDbAsync(async db =>
        {
            var edition = Edition.CreateNew("Burgerbegroting Maastricht 2027", budget, DateTime.UtcNow);
            edition.Slug = await db.FreeSlugAsync(edition.Slug);
            edition.MakeCurrent(DateTime.UtcNow);
            edition.MaxThemesPerBallot = k;
            edition.ThemesToSelect = n;
            edition.MinimumAge = 16;
            edition.Buurten.Add(new Buurt { Name = "Centrum", Postcodes = "6211-6212" });
            edition.Buurten.Add(new Buurt { Name = "Malberg", Postcodes = "6214, 6215 AA" });
            edition.Themes.AddRange(ThemeNames.Take(themes).Select((name, i) => new Theme { Name = name, ShortDescription = $"Over {name}", Position = i + 1 }));
            db.Editions.Add(edition);
            await db.SaveChangesAsync();
            return edition;
        });
    }

    /// <summary>The address part of the edition <see cref="CreateEditionAsync"/> makes first ("/2027/uitslag/4").</summary>
    public const string Slug = "2027";

    /// <summary>The current edition's results address: "/2027/uitslag" + <paramref name="rest"/>.</summary>
    public static async Task<string> ResultsUrlAsync(this AppFactory app, string rest = "") =>
        $"/{await app.WithDbAsync(db => db.Editions.Where(e => e.CurrentSince != null).OrderByDescending(e => e.CurrentSince).ThenByDescending(e => e.Id).Select(e => e.Slug).FirstAsync())}/uitslag{rest}";

    public static async Task<int> RoundIdAsync(this AppFactory app, int number) =>
        await app.WithDbAsync(db => db.Rounds.Where(r => r.Number == number).Select(r => r.Id).SingleAsync());

    public static async Task<List<int>> ThemeIdsAsync(this AppFactory app, bool chosenOnly = false) =>
        await app.WithDbAsync(db => db.Themes.Where(t => !chosenOnly || t.Chosen).OrderBy(t => t.Position).Select(t => t.Id).ToListAsync());

    public static async Task<TransitionError> StepAsync(this AppFactory app, int number, Func<RoundLifecycle, int, Task<TransitionError>> step)
    {
        var roundId = await app.RoundIdAsync(number);
        await using var scope = app.Services.CreateAsyncScope();
        return await step(scope.ServiceProvider.GetRequiredService<RoundLifecycle>(), roundId);
    }

    /// <summary>Round 1 published with the first <paramref name="chosen"/> themes chosen, round 2 open.</summary>
    public static async Task OpenRoundTwoAsync(this AppFactory app, int chosen = 3)
    {
        await app.WithDbAsync(async db =>
        {
            foreach (var theme in await db.Themes.OrderBy(t => t.Position).Take(chosen).ToListAsync())
            {
                theme.Chosen = true;
            }

            var round1 = await db.Rounds.SingleAsync(r => r.Number == 1);
            round1.Status = RoundStatus.Published;
            await db.SaveChangesAsync();
            return 0;
        });
        Assert.Equal(TransitionError.None, await app.StepAsync(2, (l, id) => l.OpenAsync(id)));
    }

    /// <summary>Rounds 1 and 2 published (three chosen themes with budgets 500,000 / 300,000 / 200,000), round 3 open.</summary>
    public static async Task OpenRoundThreeAsync(this AppFactory app)
    {
        await app.WithDbAsync(async db =>
        {
            var budgets = new long[] { 500_000, 300_000, 200_000 };
            var themes = await db.Themes.OrderBy(t => t.Position).Take(3).ToListAsync();
            for (var i = 0; i < themes.Count; i++)
            {
                (themes[i].Chosen, themes[i].Budget) = (true, budgets[i]);
            }

            foreach (var round in await db.Rounds.Where(r => r.Number <= 2).ToListAsync())
            {
                round.Status = RoundStatus.Published;
            }

            await db.SaveChangesAsync();
            return 0;
        });
        Assert.Equal(TransitionError.None, await app.StepAsync(3, (l, id) => l.OpenAsync(id)));
    }

    /// <summary>
    /// Rounds 1-3 published; admitted ideas (title, final cost) under the first theme (budget 500,000) and the
    /// second (300,000), submitted by <paramref name="submitterEmail"/>; round 4 open. Returns the ideas' ids by title.
    /// </summary>
    public static async Task<Dictionary<string, int>> OpenRoundFourAsync(this AppFactory app, string submitterEmail, params (string Title, int Theme, long Cost)[] ideas)
    {
        await app.OpenRoundThreeAsync();
        var submitter = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == submitterEmail));
        var ids = await app.WithDbAsync(async db =>
        {
            var edition = await db.Editions.Include(e => e.Buurten).SingleAsync();
            var themes = await db.Themes.Where(t => t.Chosen).OrderBy(t => t.Position).ToListAsync();
            var created = ideas.Select((idea, i) => new Burgerbegroting.Data.Ideas.Idea
            {
                EditionId = edition.Id,
                ThemeId = themes[idea.Theme].Id,
                BuurtId = edition.Buurten[0].Id,
                Title = idea.Title,
                Summary = $"Samenvatting van {idea.Title}",
                Description = idea.Title,
                EstimatedCost = idea.Cost,
                FinalCost = idea.Cost,
                SubmitterId = submitter.Id,
                Status = Burgerbegroting.Data.Ideas.IdeaStatus.Admitted,
                CreatedAt = DateTime.UtcNow.AddMinutes(i),
                UpdatedAt = DateTime.UtcNow,
            }).ToList();
            db.Ideas.AddRange(created);
            var round3 = await db.Rounds.SingleAsync(r => r.Number == 3);
            round3.Status = RoundStatus.Published;
            await db.SaveChangesAsync();
            return created.ToDictionary(i => i.Title, i => i.Id);
        });
        Assert.Equal(TransitionError.None, await app.StepAsync(4, (l, id) => l.OpenAsync(id)));
        return ids;
    }

    public static async Task<Round> RoundAsync(this AppFactory app, int number) =>
        await app.WithDbAsync(db => db.Rounds.AsNoTracking().SingleAsync(r => r.Number == number));
}
