using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Paper;
using Burgerbegroting.Web.Editions.Demo;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Editions;

/// <summary>
/// Each voting round of the demo has an event whose paper sheets the two demo staff members typed in (docs/events.md):
/// most agree and count, one breaks the round's rule and is invalid, and one was typed differently: in the open round
/// that dispute waits for a coordinator, in the rounds before it the beheerder decided it. The sheets are drawn from a
/// Random of their own, so the rest of the demo stays as it was.
/// </summary>
public sealed partial class DemoEdition
{
    private static readonly (RoundKind Round, string Name, string Place)[] Events =
    [
        (RoundKind.ThemeChoice, "Bewonersavond Malberg", "Buurthuis Malberg, Malbergsingel"),
        (RoundKind.BudgetSplit, "Markt Wyck", "Kraam op de markt, Rechtstraat"),
        (RoundKind.Selection, "Stemmen in de bibliotheek", "Centre Céramique, Avenue Céramique"),
    ];

    private const int CountedSheets = 5;

    private readonly Random _paperRandom = new(Seed + 1);

    /// <summary>The round's event and its sheets; in the round that stays open, one dispute is left for the coordinator.</summary>
    private async Task PaperAsync(RoundKind round, bool leaveDispute)
    {
        var (_, name, place) = Events.Single(e => e.Round == round);
        var plannedOpen = await db.Rounds.Where(r => r.Id == _roundIds[round]).Select(r => r.PlannedOpen).SingleAsync();
        var ev = new VotingEvent
        {
            EditionId = _editionId, RoundId = _roundIds[round], Name = name, Place = place,
            Date = (plannedOpen ?? DateOnly.FromDateTime(_now)).AddDays(7), CreatedAt = _now,
        };
        db.VotingEvents.Add(ev);
        await db.SaveChangesAsync();
        var typists = await db.Users.Where(u => u.Kind == AccountKind.Staff).OrderBy(u => u.Email).ToListAsync();
        var context = await desk.LoadPaperSheetAsync(round) ?? throw new InvalidOperationException("Demo: no edition.");
        await CheckInAsync(ev, round, CountedSheets + 2, typists[0].Email!);
        var number = 1;
        for (; number <= CountedSheets; number++)
        {
            var marks = Sheet(context, round);
            await TypeAsync(ev, number, marks, marks, typists);
        }

        var invalid = InvalidSheet(context, round);
        await TypeAsync(ev, number++, invalid, invalid, typists);

        // The second typist read one field differently.
        var read = Sheet(context, round);
        var misread = SheetMarks.Of(read.Values.Select((v, i) => i == 0 ? new KeyValuePair<MarkField, int>(v.Key, round == RoundKind.BudgetSplit ? v.Value + 5 : 0) : v));
        await TypeAsync(ev, number, read, misread, typists);
        if (!leaveDispute)
        {
            var sheet = await db.PaperSheets.SingleAsync(s => s.EventId == ev.Id && s.Number == number);
            var coordinator = typists.Single(u => u.Email!.StartsWith("beheerder@", StringComparison.Ordinal));
            await paper.DecideAsync(sheet.Id, read, coordinator, isAdmin: true);
        }

        db.ChangeTracker.Clear();
    }

    private async Task TypeAsync(VotingEvent ev, int number, SheetMarks first, SheetMarks second, IReadOnlyList<AppUser> typists)
    {
        await paper.EnterAsync(ev, number, first, typists[0]);
        await paper.EnterAsync(ev, number, second, typists[1]);
    }

    /// <summary>A sheet as a resident fills it in: the same kind of choices the online demo ballots make.</summary>
    private SheetMarks Sheet(BallotContext context, RoundKind round) => round switch
    {
        RoundKind.ThemeChoice => SheetMarks.Of(DemoBallots.ChooseThemes(_paperRandom, [.. context.Edition.Themes.Select(t => (t.Id, DemoCity.Themes[t.Position - 1].Popularity))], context.Edition.MaxThemesPerBallot)
            .Select(id => new KeyValuePair<MarkField, int>(new MarkField(id, null), 1))),
        RoundKind.BudgetSplit => SheetMarks.Of(DemoBallots.SplitBudget(_paperRandom, [.. context.ChosenThemes.Select(t => (t.Id, DemoCity.Themes[t.Position - 1].Popularity))])
            .Select(s => new KeyValuePair<MarkField, int>(new MarkField(s.Key, null), s.Value))),
        _ => SheetMarks.Of(context.IdeasByTheme.SelectMany(t => DemoBallots.SelectIdeas(_paperRandom, [.. t.Ideas.Select(i => (i.Id, i.EffectiveCost, 1.0))], t.Theme.Budget ?? 0)
            .Select(id => new KeyValuePair<MarkField, int>(new MarkField(t.Theme.Id, id), 1)))),
    };

    /// <summary>A sheet that breaks the round's rule: one theme too many, percentages adding up to 90, or nothing filled in.</summary>
    private static SheetMarks InvalidSheet(BallotContext context, RoundKind round) => round switch
    {
        RoundKind.ThemeChoice => SheetMarks.Of(context.Edition.Themes.Take(context.Edition.MaxThemesPerBallot + 1).Select(t => new KeyValuePair<MarkField, int>(new MarkField(t.Id, null), 1))),
        RoundKind.BudgetSplit => SheetMarks.Of(context.ChosenThemes.Select((t, i) => new KeyValuePair<MarkField, int>(new MarkField(t.Id, null), i == 0 ? 90 : 0))),
        _ => SheetMarks.Of([]),
    };
}
