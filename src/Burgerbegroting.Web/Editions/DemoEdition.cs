using System.Diagnostics;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Paper;
using Ballot = Burgerbegroting.Data.Editions.Ballot;
using Burgerbegroting.Web.Accounts;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Editions.Demo;
using Burgerbegroting.Web.Stemcodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Editions;

/// <summary>
/// The demo edition: a believable Maastricht burgerbegroting standing at a chosen <see cref="DemoStage"/>.
/// Rounds move through <see cref="RoundLifecycle"/>, so results are computed exactly as in production; residents,
/// ballots, ideas and reviews go straight into the database in bulk, without receipt mails. One Random(2027) is drawn
/// in a fixed order, so the demo is the same every time and each stage continues the one before it.
/// The data is in Editions/Demo; people and ideas are written by the other parts of this class there.
/// </summary>
public sealed partial class DemoEdition(
    AppDbContext db, RoundLifecycle lifecycle, AccountSeeder seeder, UserManager<AppUser> users, AuditLog audit, StemcodeIssuer issuer, BallotDesk desk, Secrecy.BallotKeys keys, Events.PaperEntry paper, TimeProvider clock)
{
    public const int Seed = 2027;

    private const string TieNote =
        "Gelijke stand op de laatste plaats: volgens de vooraf bekendgemaakte regel kozen de medewerkers het thema dat als eerste op de lijst stond.";

    private Random _random = new(Seed);
    private DateTime _now;
    private int _editionId;
    private Dictionary<RoundKind, int> _roundIds = [];

    /// <summary>Seeds the demo unless an edition exists already; then it changes nothing and says so.</summary>
    public async Task<DemoSeedResult> SeedAsync(DemoStage stage)
    {
        if (await db.Editions.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Name).FirstOrDefaultAsync() is { } existing)
        {
            return DemoSeedResult.NothingDone(existing);
        }

        var watch = Stopwatch.StartNew();
        (_random, _now) = (new Random(Seed), clock.GetUtcNow().UtcDateTime);
        await seeder.EnsureRolesAsync();
        await seeder.EnsureDemoAccountsAsync();
        await CreateEditionAsync(stage);
        await CreatePeopleAsync();
        await IssueCodesAsync();
        await MoveAsync(RoundKind.ThemeChoice, lifecycle.OpenAsync);
        await CastThemeBallotsAsync();
        await PaperAsync(RoundKind.ThemeChoice, leaveDispute: stage == DemoStage.RoundOneOpen);
        if (stage >= DemoStage.RoundTwoOpen)
        {
            await CloseAndPublishAsync(RoundKind.ThemeChoice);
            await MoveAsync(RoundKind.BudgetSplit, lifecycle.OpenAsync);
            await CastBudgetBallotsAsync();
            await PaperAsync(RoundKind.BudgetSplit, leaveDispute: stage == DemoStage.RoundTwoOpen);
        }

        if (stage >= DemoStage.RoundThreeOpen)
        {
            await CloseAndPublishAsync(RoundKind.BudgetSplit);
            await MoveAsync(RoundKind.Ideas, lifecycle.OpenAsync);
            await SubmitIdeasAsync();
        }

        if (stage >= DemoStage.RoundFourOpen)
        {
            await AdmitTheRestAsync();
            await CloseAndPublishAsync(RoundKind.Ideas);
            await MoveAsync(RoundKind.Selection, lifecycle.OpenAsync);
            await CastSelectionBallotsAsync();
            await PaperAsync(RoundKind.Selection, leaveDispute: stage == DemoStage.RoundFourOpen);
        }

        if (stage >= DemoStage.Done)
        {
            await CloseAndPublishAsync(RoundKind.Selection);
        }

        return await ResultAsync(stage, watch.Elapsed);
    }

    /// <summary>The edition, its buurten and candidate themes; the planned dates put today in the open round.</summary>
    private async Task CreateEditionAsync(DemoStage stage)
    {
        var edition = Edition.CreateNew($"Burgerbegroting Maastricht {_now.Year}", DemoCity.TotalBudget, _now);
        edition.Slug = await db.FreeSlugAsync(edition.Slug);
        edition.MakeCurrent(_now);
        edition.Introduction = DemoCity.Introduction;
        edition.VoterRoll = VoterRoll.Stemcodes;
        edition.Buurten.AddRange(DemoCity.Buurten.Select(b => new Buurt { Name = b.Name, Postcodes = b.Postcodes }));
        edition.Themes.AddRange(DemoCity.Themes.Select((t, i) =>
            new Theme { Name = t.Name, ShortDescription = t.ShortDescription, Body = t.Body, Position = i + 1 }));
        var today = DateOnly.FromDateTime(_now);
        foreach (var round in edition.Rounds)
        {
            round.PlannedOpen = today.AddDays((35 * (round.Number - stage.OpenRound())) - 10);
            round.PlannedClose = round.PlannedOpen.Value.AddDays(24);
        }

        db.Editions.Add(edition);
        await db.SaveChangesAsync();
        (_editionId, _roundIds) = (edition.Id, edition.Rounds.ToDictionary(r => r.Kind, r => r.Id));
        db.ChangeTracker.Clear();
    }

    private async Task CastThemeBallotsAsync()
    {
        var themes = await db.Themes.AsNoTracking().Where(t => t.EditionId == _editionId).OrderBy(t => t.Position).ToListAsync();
        var weights = themes.Select(t => (t.Id, DemoCity.Themes[t.Position - 1].Popularity)).ToList();
        var k = await db.Editions.Where(e => e.Id == _editionId).Select(e => e.MaxThemesPerBallot).SingleAsync();
        await CastAsync(RoundKind.ThemeChoice, 0.9, () => [.. DemoBallots.ChooseThemes(_random, weights, k).Select(id => new BallotEntry { ThemeId = id, Value = 1 })]);
    }

    private async Task CastBudgetBallotsAsync()
    {
        var weights = (await ChosenThemesAsync()).Select(t => (t.Id, DemoCity.Themes[t.Position - 1].Popularity)).ToList();
        await CastAsync(RoundKind.BudgetSplit, 0.8, () => [.. DemoBallots.SplitBudget(_random, weights).Select(s => new BallotEntry { ThemeId = s.Key, Value = s.Value })]);
    }

    private async Task CastSelectionBallotsAsync()
    {
        var themes = await ChosenThemesAsync();
        var appeal = DemoIdeas.All.ToDictionary(i => i.Title, i => (double)i.Appeal);
        var ideas = await db.Ideas.AsNoTracking()
            .Where(i => i.EditionId == _editionId && i.Status == IdeaStatus.Admitted).OrderBy(i => i.CreatedAt)
            .Select(i => new { i.Id, i.ThemeId, i.Title, Cost = i.FinalCost!.Value }).ToListAsync();
        await CastAsync(RoundKind.Selection, 0.75, () => [.. themes.Where(_ => _random.NextDouble() < 0.85).SelectMany(theme =>
        {
            var choice = ideas.Where(i => i.ThemeId == theme.Id).Select(i => (i.Id, i.Cost, appeal[i.Title])).ToList();
            return DemoBallots.SelectIdeas(_random, choice, theme.Budget!.Value)
                .Select(id => new BallotEntry { ThemeId = theme.Id, IdeaId = id, Value = 1 });
        })]);
    }

    /// <summary>Ballots of a share of the residents and letter holders, straight into the open round: no receipt mails, one save.</summary>
    private async Task CastAsync(RoundKind round, double turnout, Func<List<BallotEntry>> ballot)
    {
        var key = await keys.KeyAsync(await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == _roundIds[round]))
            ?? throw new InvalidOperationException($"Round {round} has no key.");
        foreach (var voter in _residents)
        {
            if (_random.NextDouble() < turnout && ballot() is { Count: > 0 } entries)
            {
                AddBallot(round, key, _voterIds[voter.Id], BallotChannel.Account, _now.AddMinutes(-_random.Next(60 * 24 * 14)), entries);
            }
        }

        CastLetterBallots(round, turnout, ballot, key);

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    /// <summary>A ballot as the ballot desk stores it: under the voter's pseudonym, with a participation that says when.</summary>
    private void AddBallot(RoundKind round, byte[] key, string voterId, BallotChannel channel, DateTime at, List<BallotEntry> entries)
    {
        var ballot = new Ballot { Id = Ballot.NewId(), RoundId = _roundIds[round], Pseudonym = Voting.Secrecy.BallotPseudonym.Of(key, voterId), ReceiptCode = Voting.Secrecy.ReceiptCode.New() };
        entries.ForEach(e => e.BallotId = ballot.Id);
        ballot.Entries = entries;
        db.Ballots.Add(ballot);
        db.Participations.Add(new ParticipationRecord { RoundId = ballot.RoundId, VoterId = voterId, Channel = channel, FirstVotedAt = at, LastVotedAt = at });
    }

    private async Task MoveAsync(RoundKind round, Func<int, Task<TransitionError>> step)
    {
        var error = await step(_roundIds[round]);
        if (error != TransitionError.None)
        {
            throw new InvalidOperationException($"Demo: round {round} could not move: {error}.");
        }

        // RoundLifecycle changes rounds with bulk updates; nothing stale may stay tracked for the next step.
        db.ChangeTracker.Clear();
    }

    /// <summary>Close and publish as staff would; a tie at the theme choice's cut-off goes to the theme listed first, with a note.</summary>
    private async Task CloseAndPublishAsync(RoundKind round)
    {
        var id = _roundIds[round];
        await MoveAsync(round, lifecycle.CloseAsync);
        if (await lifecycle.PublishAsync(id) == TransitionError.TieUnresolved)
        {
            db.ChangeTracker.Clear();
            var tied = await db.ThemeResults.AsNoTracking().Include(r => r.Theme)
                .Where(r => r.RoundId == id && r.Outcome == ThemeOutcome.Tied).OrderBy(r => r.Theme.Position).ToListAsync();
            var seats = (await lifecycle.TieAsync(id)).Seats;
            db.ChangeTracker.Clear();
            if (!await lifecycle.ResolveTieAsync(id, [.. tied.Take(seats).Select(t => t.ThemeId)], TieNote))
            {
                throw new InvalidOperationException($"Demo: the tie in round {round} could not be resolved.");
            }

            await MoveAsync(round, lifecycle.PublishAsync);
        }

        db.ChangeTracker.Clear();
    }

    private Task<List<Theme>> ChosenThemesAsync() =>
        db.Themes.AsNoTracking().Where(t => t.EditionId == _editionId && t.Chosen).OrderBy(t => t.Position).ToListAsync();

    private async Task<DemoSeedResult> ResultAsync(DemoStage stage, TimeSpan elapsed)
    {
        var ballots = await db.Ballots.GroupBy(b => b.RoundId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var ideas = await db.Ideas.Where(i => i.EditionId == _editionId)
            .GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var winners = await db.IdeaResults.CountAsync(r => r.RoundId == _roundIds[RoundKind.Selection] && r.Selected);
        var name = await db.Editions.Where(e => e.Id == _editionId).Select(e => e.Name).SingleAsync();
        return new DemoSeedResult(true, name, stage, _residents.Count,
            DemoPeople.Networks.Count(n => n.Approved), DemoPeople.Networks.Count(n => !n.Approved),
            [.. RoundTable.All.Select(r => ballots.GetValueOrDefault(_roundIds[r.Kind]))],
            ideas.Values.Sum(), ideas.GetValueOrDefault(IdeaStatus.Admitted), ideas.GetValueOrDefault(IdeaStatus.NotAdmitted), winners, elapsed)
        {
            TryCodes = _tryCodes,
        };
    }
}
