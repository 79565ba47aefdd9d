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

/// <summary>
/// The one way a ballot gets in, whatever the channel (docs/rules.md, "Rounds"): load the voter's context for a round, fill in the
/// round's ballot model against what <see cref="BallotContext"/> offers, and cast it. One ballot per participant per
/// round, replaced on resubmission, accepted only while the round is open, with a receipt mail that says the vote
/// counts but not what it was.
/// </summary>
public sealed class BallotDesk(AppDbContext db, UserManager<AppUser> users, Eligibility eligibility, Outbox outbox, EmailTemplates templates, TimeProvider clock, IOptions<EmailOptions> mail)
{
    /// <summary>
    /// The round of the current edition for whoever is signed in, or for the code of a code session
    /// (<paramref name="codeId"/>, which goes first); null when there is no edition.
    /// </summary>
    public async Task<BallotContext?> LoadAsync(RoundKind round, ClaimsPrincipal principal, CodeSession? session = null) =>
        await LoadAsync(round, principal.Identity?.IsAuthenticated == true ? await users.GetUserAsync(principal) : null, session);

    /// <summary>The round of the current edition for this account or code session (or nobody); null when there is no edition.</summary>
    public async Task<BallotContext?> LoadAsync(RoundKind round, AppUser? account, CodeSession? session = null)
    {
        var edition = await db.CurrentAsync();
        if (edition is null)
        {
            return null;
        }

        var (voter, reasons) = edition.UsesStemcodes ? await CodeVoterAsync(edition, edition.Round(round), account, session) : AccountVoter(edition, account);
        return await ContextAsync(edition, round, voter, reasons);
    }

    /// <summary>The round of the current edition for one paper sheet (docs/events.md); null when there is no edition.</summary>
    public async Task<BallotContext?> LoadPaperSheetAsync(RoundKind round) =>
        await db.CurrentAsync() is { } edition ? await ContextAsync(edition, round, BallotVoter.PaperSheet(), []) : null;

    private async Task<BallotContext> ContextAsync(Edition edition, RoundKind round, BallotVoter? voter, IReadOnlyList<IneligibleReason> reasons)
    {
        var current = edition.Round(round);
        return new BallotContext
        {
            Edition = edition,
            Round = current,
            Voter = voter,
            Reasons = reasons,
            Current = voter is null ? null : await CurrentAsync(current.Id, voter.Id),
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
    public async Task<CastResult> CastAsync(BallotContext context, RoundBallot ballot)
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

    /// <summary>The voter's ballot in this round as stored, or null if they have not voted.</summary>
    public async Task<IReadOnlyList<BallotLine>?> CurrentAsync(int roundId, string voterId)
    {
        var ballot = await BallotOf(db, roundId, voterId).AsNoTracking().SingleOrDefaultAsync();
        return ballot?.Entries.Select(e => new BallotLine(e.ThemeId, e.IdeaId, e.Value)).ToList();
    }

    /// <summary>
    /// Casts in a transaction of its own, or within the caller's (a paper sheet's entry and its ballot are saved
    /// together; a sheet's voter id is new, so there is no first-ballot race to retry).
    /// </summary>
    private async Task<CastResult> TryCastAsync(Round round, BallotVoter voter, IReadOnlyList<BallotLine> lines, string editionName)
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

        var ballot = await BallotOf(db, round.Id, voter.Id).SingleOrDefaultAsync();
        var replaced = ballot is not null;
        var receiptDue = ballot is null || now - ballot.UpdatedAt >= mail.Value.ReceiptWindow;
        if (ballot is null)
        {
            ballot = new Ballot { RoundId = round.Id, VoterId = voter.Id, SubmittedAt = now, Channel = voter.Channel };
            db.Ballots.Add(ballot);
        }
        else
        {
            db.BallotEntries.RemoveRange(ballot.Entries);
            ballot.Entries.Clear();
        }

        ballot.UpdatedAt = now;
        ballot.Channel = voter.Channel;
        ballot.Entries.AddRange(lines.Select(l => new BallotEntry { ThemeId = l.ThemeId, IdeaId = l.IdeaId, Value = l.Value }));
        // One receipt per voter and round within the window: a ballot changed again and again (or saved 200 times by a
        // script) does not fill the voter's mailbox; the receipt carries no content, so the first one stays true.
        if (voter.Account is { } account && receiptDue)
        {
            outbox.Enqueue(templates.BallotReceipt(account, round.Kind, editionName, replaced));
        }

        await db.SaveChangesAsync();
        if (own is not null)
        {
            await own.CommitAsync();
        }

        return replaced ? CastResult.Replaced : CastResult.Saved;
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

    /// <summary>The voter's ballot in a round with its entries; at most one (a unique index).</summary>
    internal static IQueryable<Ballot> BallotOf(AppDbContext db, int roundId, string voterId) =>
        db.Ballots.Include(b => b.Entries).Where(b => b.RoundId == roundId && b.VoterId == voterId);

    /// <summary>The admitted, visible ideas per theme with a budget; themes without any are left out.</summary>
    private async Task<IReadOnlyList<ThemeIdeas>> IdeasByThemeAsync(Edition edition)
    {
        var ideas = await db.Ideas.AsNoTracking().OnTheBallot(edition.Id).OrderBy(i => i.Title).ToListAsync();
        return [.. edition.SelectionThemes()
            .Select(t => new ThemeIdeas(t, [.. ideas.Where(i => i.ThemeId == t.Id)]))
            .Where(t => t.Ideas.Count > 0)];
    }
}
