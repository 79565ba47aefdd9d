using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Browser.Tests.Infrastructure;

/// <summary>
/// What a journey needs but is not about, put straight into the app: other residents' ballots, admitted ideas, staff
/// moving a round on. The journey's own person still does everything they do through the browser.
/// </summary>
public static class Seed
{
    /// <summary>A neighbour's ballot in round 1 or 2, by theme name (1 for a chosen theme, a percentage in round 2).</summary>
    public static async Task CastAsync(this AppFactory app, string email, int round, Dictionary<string, int> byThemeName)
    {
        var voter = await VoterAsync(app, email);
        await using var scope = app.Services.CreateAsyncScope();
        var ids = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Themes
            .Where(t => byThemeName.Keys.Contains(t.Name)).ToDictionaryAsync(t => t.Name, t => t.Id);
        var values = byThemeName.ToDictionary(e => ids[e.Key], e => e.Value);
        await CastThroughDeskAsync(scope, (RoundKind)round, voter, context => (RoundKind)round == RoundKind.ThemeChoice
            ? ThemeBallot.Create(context.ThemeChoice, values.Keys).Ballot
            : BudgetBallot.Create(context.BudgetSplit, values).Ballot);
    }

    /// <summary>A neighbour's round 4 ballot: the ideas with these titles.</summary>
    public static async Task CastIdeasAsync(this AppFactory app, string email, params string[] titles)
    {
        var voter = await VoterAsync(app, email);
        await using var scope = app.Services.CreateAsyncScope();
        var ideas = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Ideas.Where(i => titles.Contains(i.Title)).Select(i => i.Id).ToListAsync();
        Assert.Equal(titles.Length, ideas.Count);
        await CastThroughDeskAsync(scope, RoundKind.Selection, voter, context => SelectionBallot.Create(context.Selection, ideas).Ballot);
    }

    private static async Task CastThroughDeskAsync(AsyncServiceScope scope, RoundKind round, AppUser voter, Func<BallotContext, RoundBallot?> fill)
    {
        var desk = scope.ServiceProvider.GetRequiredService<BallotDesk>();
        var context = await desk.LoadAsync(round, voter);
        var ballot = fill(context!);
        Assert.NotNull(ballot);
        Assert.Equal(CastResult.Saved, (await desk.CastAsync(context!, ballot)).Result);
    }

    /// <summary>Ideas by <paramref name="submitterEmail"/>, admitted at their cost, under chosen themes named in <paramref name="ideas"/>.</summary>
    public static async Task<Dictionary<string, int>> AdmittedIdeasAsync(this AppFactory app, string submitterEmail, params (string Title, string Theme, long Cost)[] ideas)
    {
        var submitter = await VoterAsync(app, submitterEmail);
        return await app.WithDbAsync(async db =>
        {
            var edition = await db.Editions.Include(e => e.Buurten).Include(e => e.Themes).SingleAsync();
            var created = ideas.Select((idea, i) => new Idea
            {
                EditionId = edition.Id,
                ThemeId = edition.Themes.Single(t => t.Name == idea.Theme && t.Chosen).Id,
                BuurtId = edition.Buurten[0].Id,
                Title = idea.Title,
                Summary = $"Samenvatting van {idea.Title}",
                Description = $"Over {idea.Title}.",
                EstimatedCost = idea.Cost,
                FinalCost = idea.Cost,
                SubmitterId = submitter.Id,
                Status = IdeaStatus.Admitted,
                CreatedAt = DateTime.UtcNow.AddMinutes(i),
                UpdatedAt = DateTime.UtcNow,
            }).ToList();
            db.Ideas.AddRange(created);
            await db.SaveChangesAsync();
            return created.ToDictionary(i => i.Title, i => i.Id);
        });
    }

    /// <summary>Staff close a round and publish its results (what the rounds page's buttons do).</summary>
    public static async Task CloseAndPublishAsync(this AppFactory app, int round)
    {
        Assert.Equal(TransitionError.None, await app.StepAsync(round, (lifecycle, id) => lifecycle.CloseAsync(id)));
        Assert.Equal(TransitionError.None, await app.StepAsync(round, (lifecycle, id) => lifecycle.PublishAsync(id)));
    }

    public static async Task OpenAsync(this AppFactory app, int round) =>
        Assert.Equal(TransitionError.None, await app.StepAsync(round, (lifecycle, id) => lifecycle.OpenAsync(id)));

    private static async Task<AppUser> VoterAsync(AppFactory app, string email) =>
        await app.WithDbAsync(db => db.Users.SingleOrDefaultAsync(u => u.Email == email)) ?? await app.CreateAsync(email, Roles.Resident);
}
