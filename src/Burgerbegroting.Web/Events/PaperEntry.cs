using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Paper;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Editions;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Events;

public enum EntryOutcome
{
    /// <summary>The sheet's first entry; it waits for a second typist.</summary>
    FirstEntry,

    /// <summary>The second entry agreed with the first, and the sheet is a valid ballot.</summary>
    Counted,

    /// <summary>The second entry agreed with the first, and the sheet is invalid by the round's rules.</summary>
    Invalid,

    /// <summary>The second entry differs from the first: a coordinator decides.</summary>
    Disputed,

    /// <summary>This typist entered this sheet already; the second entry must be someone else's.</summary>
    SameTypist,

    /// <summary>The sheet has two entries already.</summary>
    AlreadyTwice,

    /// <summary>The round is published (or not yet open): no more paper.</summary>
    RoundNotOpen,
}

public enum DecisionOutcome
{
    Counted,
    Invalid,

    /// <summary>A coordinator is a beheerder or staff who typed neither entry.</summary>
    NotAllowed,

    /// <summary>The sheet is not in dispute (any more).</summary>
    NotDisputed,
    RoundNotOpen,
}

/// <summary>
/// Paper sheets typed in twice (docs/events.md, "Double entry"): two entries by two different staff members; equal
/// entries count at once, different ones wait for a coordinator, who decides after looking at the paper. A settled
/// sheet is judged by the round's own ballot rules and cast through the ballot desk like every other ballot.
/// </summary>
public sealed class PaperEntry(AppDbContext db, BallotDesk desk, AuditLog audit, TimeProvider clock)
{
    /// <summary>One typist's entry of sheet <paramref name="number"/> of the event.</summary>
    public async Task<EntryOutcome> EnterAsync(VotingEvent ev, int number, SheetMarks marks, AppUser typist)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryEnterAsync(ev, number, marks, typist);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Two typists saved the same new sheet at the same moment: the unique indexes kept one; look again.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>A coordinator's decision on a disputed sheet: what the paper says.</summary>
    public async Task<DecisionOutcome> DecideAsync(long sheetId, SheetMarks marks, AppUser coordinator, bool isAdmin)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        // Claim the sheet first, by a conditional update of its row: a second decision at the same moment waits for
        // this one and then finds the sheet settled, rather than casting a second ballot for the same paper.
        var claimed = await db.PaperSheets.Where(s => s.Id == sheetId && s.Status == SheetStatus.Disputed)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.DecidedAt, Now));
        var sheet = await db.PaperSheets.Include(s => s.Entries.OrderBy(e => e.Position)).SingleOrDefaultAsync(s => s.Id == sheetId);
        if (claimed == 0 || sheet is null)
        {
            return DecisionOutcome.NotDisputed;
        }

        if (!isAdmin && sheet.Entries.Any(e => e.TypistId == coordinator.Id))
        {
            return DecisionOutcome.NotAllowed;
        }

        (sheet.DecidedBy, sheet.DecidedAt) = (coordinator.Email, Now);
        var settled = await SettleAsync(sheet, marks);
        if (settled is null)
        {
            return DecisionOutcome.RoundNotOpen;
        }

        audit.Record(AuditActions.SheetDecided, nameof(PaperSheet), Id(sheet),
            $"blad {sheet.Number}: {Describe(sheet)}; invoer 1: {sheet.Entries[0].Marks}; invoer 2: {sheet.Entries[1].Marks}; besluit: {marks.Encode()}");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return settled.Value ? DecisionOutcome.Counted : DecisionOutcome.Invalid;
    }

    private async Task<EntryOutcome> TryEnterAsync(VotingEvent ev, int number, SheetMarks marks, AppUser typist)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var sheet = await db.PaperSheets.Include(s => s.Entries).SingleOrDefaultAsync(s => s.EventId == ev.Id && s.Number == number);
        if (sheet is null)
        {
            sheet = new PaperSheet { EventId = ev.Id, RoundId = ev.RoundId, Number = number, Status = SheetStatus.Waiting };
            db.PaperSheets.Add(sheet);
        }
        else if (sheet.Entries.Any(e => e.TypistId == typist.Id))
        {
            return EntryOutcome.SameTypist;
        }
        else if (sheet.Entries.Count >= 2)
        {
            return EntryOutcome.AlreadyTwice;
        }

        sheet.Entries.Add(new SheetEntry { Position = sheet.Entries.Count + 1, TypistId = typist.Id, TypistName = typist.Email ?? "", Marks = marks.Encode(), EnteredAt = Now });
        var outcome = await OutcomeAsync(sheet, marks);
        if (outcome == EntryOutcome.RoundNotOpen)
        {
            return outcome;
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return outcome;
    }

    private async Task<EntryOutcome> OutcomeAsync(PaperSheet sheet, SheetMarks marks)
    {
        if (sheet.Entries.Count == 1)
        {
            return await RoundAcceptsPaperAsync(sheet.RoundId) ? EntryOutcome.FirstEntry : EntryOutcome.RoundNotOpen;
        }

        if (!SheetReconciliation.Agree(SheetMarks.Decode(sheet.Entries[0].Marks), marks))
        {
            sheet.Status = SheetStatus.Disputed;
            return await RoundAcceptsPaperAsync(sheet.RoundId) ? EntryOutcome.Disputed : EntryOutcome.RoundNotOpen;
        }

        return await SettleAsync(sheet, marks) switch
        {
            true => EntryOutcome.Counted,
            false => EntryOutcome.Invalid,
            null => EntryOutcome.RoundNotOpen,
        };
    }

    /// <summary>Judges what the sheet says and casts its ballot: true counted, false invalid, null when the round takes no paper now.</summary>
    private async Task<bool?> SettleAsync(PaperSheet sheet, SheetMarks marks)
    {
        var kind = await db.Rounds.Where(r => r.Id == sheet.RoundId).Select(r => r.Number).SingleAsync();
        var context = await desk.LoadPaperSheetAsync((RoundKind)kind);
        // The round of the sheet's event, not the same round of a newer edition.
        if (context is null || context.Round.Id != sheet.RoundId || !context.CanVote)
        {
            return null;
        }

        var verdict = Judge(context, marks);
        sheet.Marks = marks.Encode();
        if (!verdict.IsValid)
        {
            (sheet.Status, sheet.InvalidReason) = (SheetStatus.Invalid, verdict.Invalid);
            return false;
        }

        if (!(await desk.CastAsync(context, verdict.Ballot!)).Stored)
        {
            return null;
        }

        (sheet.Status, sheet.BallotVoterId) = (SheetStatus.Counted, context.Voter!.Id);
        return true;
    }

    /// <summary>A sheet by the rules of its round, against what the round offers now (as an online ballot is).</summary>
    public static SheetVerdict Judge(BallotContext context, SheetMarks marks) => context.Round.Kind switch
    {
        RoundKind.ThemeChoice => PaperSheets.Judge(context.ThemeChoice, marks),
        RoundKind.BudgetSplit => PaperSheets.Judge(context.BudgetSplit, marks),
        RoundKind.Selection => PaperSheets.Judge(context.Selection, marks),
        _ => throw new ArgumentException($"Round {context.Round.Kind} has no ballot.", nameof(context)),
    };

    private Task<bool> RoundAcceptsPaperAsync(int roundId) =>
        db.Rounds.AnyAsync(r => r.Id == roundId && (r.Status == RoundStatus.Open || r.Status == RoundStatus.Closed));

    private static string Describe(PaperSheet sheet) => sheet.Status == SheetStatus.Counted ? "geteld" : $"ongeldig ({sheet.InvalidReason})";

    private static string Id(PaperSheet sheet) => sheet.Id.ToString(CultureInfo.InvariantCulture);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
