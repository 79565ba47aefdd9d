using System.Security.Claims;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Stemcodes;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Eligibility;
using Burgerbegroting.Voting.Paper;
using Ballot = Burgerbegroting.Data.Editions.Ballot;
using Burgerbegroting.Web.Email;
using Burgerbegroting.Web.Secrecy;
using Burgerbegroting.Web.Selection;
using Burgerbegroting.Web.Stemcodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Burgerbegroting.Web.Editions;

public enum CastResult
{
    Saved,
    Replaced,
    RoundNotOpen,

    /// <summary>Nobody to cast for, or someone who may not vote in this edition.</summary>
    NotEligible,
}

/// <summary>What casting did, and the receipt code of the saved ballot (docs/secrecy.md).</summary>
public readonly record struct CastOutcome(CastResult Result, string? ReceiptCode = null)
{
    public bool Stored => Result is CastResult.Saved or CastResult.Replaced;

    public static implicit operator CastOutcome(CastResult result) => new(result);
}

/// <summary>
/// The one way a ballot gets in, whatever the channel (docs/rules.md, "Rounds"): load the voter's context for a round, fill in the
/// round's ballot model against what <see cref="BallotContext"/> offers, and cast it. One ballot per participant per
/// round, replaced on resubmission, accepted only while the round is open, with a receipt mail that says the vote
/// counts but not what it was.
/// </summary>
public sealed class BallotDesk(AppDbContext db, UserManager<AppUser> users, Eligibility eligibility, BallotKeys keys, Outbox outbox, EmailTemplates templates, TimeProvider clock, IOptions<EmailOptions> mail)
{
    /// <summary>
    /// The round of the current edition for whoever is signed in, or for the code of a code session (which goes
    /// first); null when there is no edition. With <paramref name="stored"/> false the voter's stored ballot and
    /// participation are not read: a save reads them itself, in its transaction.
    /// </summary>
    public async Task<BallotContext?> LoadAsync(RoundKind round, ClaimsPrincipal principal, CodeSession? session = null, bool stored = true) =>
        await LoadAsync(round, principal.Identity?.IsAuthenticated == true ? await users.GetUserAsync(principal) : null, session, stored);

    /// <summary>The round of the current edition for this account or code session (or nobody); null when there is no edition.</summary>
    public async Task<BallotContext?> LoadAsync(RoundKind round, AppUser? account, CodeSession? session = null, bool stored = true)
    {
        var edition = await db.CurrentAsync();
        if (edition is null)
        {
            return null;
        }

        var (voter, reasons) = edition.UsesStemcodes ? await CodeVoterAsync(edition, edition.Round(round), account, session) : AccountVoter(edition, account);
        return await ContextAsync(edition, round, voter, reasons, stored);
    }

    /// <summary>The round of the current edition for one paper sheet (docs/events.md); null when there is no edition.</summary>
    public async Task<BallotContext?> LoadPaperSheetAsync(RoundKind round) =>
        await db.CurrentAsync() is { } edition ? await ContextAsync(edition, round, BallotVoter.PaperSheet(), []) : null;

    private async Task<BallotContext> ContextAsync(Edition edition, RoundKind round, BallotVoter? voter, IReadOnlyList<IneligibleReason> reasons, bool withStored = true)
    {
        var current = edition.Round(round);
        var stored = voter is null || !withStored ? null : await StoredAsync(current, voter.Id);
        return new BallotContext
        {
            Edition = edition,
            Round = current,
            Voter = voter,
            Reasons = reasons,
            Current = stored is null ? null : LinesOf(stored),
            ReceiptCode = stored?.ReceiptCode,
            Participated = voter is not null && withStored && await ParticipatedAsync(db, current.Id, voter.Id),
            IdeasByTheme = round == RoundKind.Selection ? await IdeasByThemeAsync(edition) : [],
        };
    }

    private (BallotVoter?, IReadOnlyList<IneligibleReason>) AccountVoter(Edition edition, AppUser? account) =>
        account is null ? (null, []) : (new BallotVoter(account.Id, account, null), eligibility.Check(account, edition));

    /// <summary>
    /// A stemcodes edition: the code of the session, else the code linked to the account (docs/stemcodes.md); a code
    /// checked in at an event votes on paper in that round, not here (docs/events.md).
    /// </summary>
    private async Task<(BallotVoter?, IReadOnlyList<IneligibleReason>)> CodeVoterAsync(Edition edition, Round round, AppUser? account, CodeSession? session)
    {
        var code = session is null ? null : await db.VotingCodes.AsNoTracking().SingleOrDefaultAsync(c => c.Id == session.CodeId && c.EditionId == edition.Id);
        var inSession = code is not null;
        code ??= account is null ? null
            : await db.VotingCodes.AsNoTracking().SingleOrDefaultAsync(c => c.EditionId == edition.Id && c.AccountId == account.Id && c.RevokedAt == null);
        if (code is null)
        {
            return account is null ? (null, []) : (new BallotVoter(account.Id, account, null), Eligibility.Check(code));
        }

        // The receipt goes to the account the code is linked to, also when the code was typed without signing in.
        var owner = code.AccountId is null ? null : code.AccountId == account?.Id ? account : await users.FindByIdAsync(code.AccountId);
        var channel = inSession ? session!.Channel : BallotChannel.Account;
        var onPaper = await CheckedInAsync(db, round.Id, code.Id);
        return (new BallotVoter(code.VoterId, owner, code) { InCodeSession = inSession, Channel = channel }, Eligibility.Check(code, onPaper));
    }

    /// <summary>Stores the ballot for the context's voter. A ballot of another round than the context's is a programming error.</summary>
    public async Task<CastOutcome> CastAsync(BallotContext context, RoundBallot ballot)
    {
        if (ballot.Round != context.Round.Kind)
        {
            throw new ArgumentException($"A ballot of {ballot.Round} cast in {context.Round.Kind}.", nameof(ballot));
        }

        if (!context.CanVote)
        {
            return context.AcceptsBallots ? CastResult.NotEligible : CastResult.RoundNotOpen;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryCastAsync(context.Round, context.Voter!, ballot.Lines, context.Edition.Name);
            }
            catch (DbUpdateException) when (attempt < 3 && db.Database.CurrentTransaction is null)
            {
                // Two first ballots of one voter at the same moment: the unique index let one in; replace it. Not
                // within a caller's transaction (a paper sheet): clearing would drop the caller's unsaved changes and
                // the retry would save the ballot alone; the caller rolls back and decides again.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Withdraws the voter's ballots in these rounds (a revoked stemcode, whose ballots someone else may have cast):
    /// the ballot, found by its pseudonym while the round has its key, and the participation. Returns how many.
    /// </summary>
    public async Task<int> WithdrawAsync(IReadOnlyCollection<int> roundIds, string voterId)
    {
        var withdrawn = 0;
        foreach (var round in await db.Rounds.Where(r => roundIds.Contains(r.Id)).ToListAsync())
        {
            if (await keys.PseudonymAsync(round, voterId) is { } pseudonym)
            {
                withdrawn += await db.Ballots.Where(b => b.RoundId == round.Id && b.Pseudonym == pseudonym).ExecuteDeleteAsync();
            }

            await db.Participations.Where(p => p.RoundId == round.Id && p.VoterId == voterId).ExecuteDeleteAsync();
        }

        return withdrawn;
    }

    /// <summary>The voter's ballot in this round as stored, or null if they have not voted or the round is published.</summary>
    public async Task<IReadOnlyList<BallotLine>?> CurrentAsync(Round round, string voterId) =>
        await StoredAsync(round, voterId) is { } stored ? LinesOf(stored) : null;

    private static List<BallotLine> LinesOf(Ballot ballot) => [.. ballot.Entries.Select(e => new BallotLine(e.ThemeId, e.IdeaId, e.Value))];

    private async Task<Ballot?> StoredAsync(Round round, string voterId) =>
        await keys.PseudonymAsync(round, voterId) is { } pseudonym ? await BallotOf(db, round.Id, pseudonym).AsNoTracking().SingleOrDefaultAsync() : null;

    /// <summary>
    /// Casts in a transaction of its own, or within the caller's (a paper sheet's entry and its ballot are saved
    /// together; a sheet's voter id is new, so there is no first-ballot race to retry).
    /// </summary>
    private async Task<CastOutcome> TryCastAsync(Round round, BallotVoter voter, IReadOnlyList<BallotLine> lines, string editionName)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync() : null;
        await using var transaction = own;
        var paper = voter.Channel == BallotChannel.Paper;
        if (await ClaimRoundAsync(db, round.Id, closedToo: paper) == 0)
        {
            return CastResult.RoundNotOpen;
        }

        // After the claim: a revocation or a check-in at an event claims the round too, so it either finished before
        // (and is seen here) or waits.
        if (voter.Code is { } code && (!await db.VotingCodes.AnyAsync(c => c.Id == code.Id && c.RevokedAt == null) || await CheckedInAsync(db, round.Id, code.Id)))
        {
            return CastResult.NotEligible;
        }

        if (paper)
        {
            // A sheet typed in after the close: the results computed at the close no longer include every ballot.
            await db.Rounds.Where(r => r.Id == round.Id && r.Status == RoundStatus.Closed)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ResultsComputedAt, (DateTime?)null));
        }

        var pseudonym = await keys.PseudonymAsync(round, voter.Id) ?? throw new InvalidOperationException($"Round {round.Id} takes ballots but has no key.");
        var participation = await db.Participations.SingleOrDefaultAsync(p => p.RoundId == round.Id && p.VoterId == voter.Id);
        var replaced = participation is not null;
        var receiptDue = participation is null || now - participation.LastVotedAt >= mail.Value.ReceiptWindow;
        if (participation is null)
        {
            participation = new ParticipationRecord { RoundId = round.Id, VoterId = voter.Id, FirstVotedAt = now };
            db.Participations.Add(participation);
        }

        (participation.LastVotedAt, participation.Channel) = (now, voter.Channel);
        var receipt = await FillAsync(round.Id, pseudonym, lines);
        // One receipt per voter and round within the window: a ballot changed again and again (or saved 200 times by a
        // script) does not fill the voter's mailbox. The receipt says that the vote counts, never what it is or its
        // receipt code: the outbox would otherwise hold the link between a person and a ballot (docs/secrecy.md).
        if (voter.Account is { } account && receiptDue)
        {
            outbox.Enqueue(templates.BallotReceipt(account, round.Kind, editionName, replaced));
        }

        await db.SaveChangesAsync();
        if (own is not null)
        {
            await own.CommitAsync();
        }

        return new CastOutcome(replaced ? CastResult.Replaced : CastResult.Saved, receipt);
    }

    /// <summary>The ballot under this pseudonym with these lines: a new one with a random id and receipt code, or the stored one refilled. Returns its receipt code.</summary>
    private async Task<string> FillAsync(int roundId, string pseudonym, IReadOnlyList<BallotLine> lines)
    {
        var ballot = await BallotOf(db, roundId, pseudonym).SingleOrDefaultAsync();
        if (ballot is null)
        {
            ballot = new Ballot { Id = Ballot.NewId(), RoundId = roundId, Pseudonym = pseudonym, ReceiptCode = Voting.Secrecy.ReceiptCode.New() };
            db.Ballots.Add(ballot);
        }
        else
        {
            db.BallotEntries.RemoveRange(ballot.Entries);
            ballot.Entries.Clear();
        }

        ballot.Entries.AddRange(lines.Select(l => new BallotEntry { BallotId = ballot.Id, ThemeId = l.ThemeId, IdeaId = l.IdeaId, Value = l.Value }));
        return ballot.ReceiptCode;
    }

    /// <summary>
    /// A ballot's first statement: claim the open round by a conditional update of its row. A close (a conditional
    /// update of the same row) waits for the ballot's transaction, and once the close is committed this update
    /// matches nothing: the ballot is refused. An update re-reads the latest committed row under a lock, also where
    /// plain reads see a snapshot (PostgreSQL, SQL Server with READ_COMMITTED_SNAPSHOT); a SELECT of the status
    /// would not be safe there.
    /// </summary>
    internal static Task<int> ClaimOpenRoundAsync(AppDbContext db, int roundId) => ClaimRoundAsync(db, roundId, closedToo: false);

    /// <summary>The claim, for paper sheets also of a closed round (they are typed in until it is published).</summary>
    internal static Task<int> ClaimRoundAsync(AppDbContext db, int roundId, bool closedToo) =>
        db.Rounds.Where(r => r.Id == roundId && (r.Status == RoundStatus.Open || closedToo && r.Status == RoundStatus.Closed))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.BallotWrites, r => r.BallotWrites + 1));

    /// <summary>Whether the code checked in at an event for this round (it votes on paper there).</summary>
    internal static Task<bool> CheckedInAsync(AppDbContext db, int roundId, long codeId) =>
        db.EventCheckIns.AnyAsync(c => c.RoundId == roundId && c.VotingCodeId == codeId);

    /// <summary>The ballot under a pseudonym in a round, with its entries; at most one (a unique index).</summary>
    internal static IQueryable<Ballot> BallotOf(AppDbContext db, int roundId, string pseudonym) =>
        db.Ballots.Include(b => b.Entries).Where(b => b.RoundId == roundId && b.Pseudonym == pseudonym);

    /// <summary>Whether the voter took part in the round (one participation per voter and round, its key).</summary>
    internal static Task<bool> ParticipatedAsync(AppDbContext db, int roundId, string voterId) =>
        db.Participations.AnyAsync(p => p.RoundId == roundId && p.VoterId == voterId);

    /// <summary>The admitted, visible ideas per theme with a budget; themes without any are left out.</summary>
    private async Task<IReadOnlyList<ThemeIdeas>> IdeasByThemeAsync(Edition edition)
    {
        var ideas = await db.Ideas.AsNoTracking().OnTheBallot(edition.Id).OrderBy(i => i.Title).ToListAsync();
        return [.. edition.SelectionThemes()
            .Select(t => new ThemeIdeas(t, [.. ideas.Where(i => i.ThemeId == t.Id)]))
            .Where(t => t.Ideas.Count > 0)];
    }
}
