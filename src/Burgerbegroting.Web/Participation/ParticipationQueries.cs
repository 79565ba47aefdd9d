using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Voting.Eligibility;
using Burgerbegroting.Voting.Paper;
using Burgerbegroting.Voting.Participation;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Participation;

/// <summary>
/// Loads who took part (docs/participation.md) as grouped counts, so the database adds up and only a few rows per
/// round come back: the buurt and birth year of every online voter (from the stemcode's register row, else the
/// account), and of every resident checked in at an event (paper voters: a sheet itself is anonymous).
/// </summary>
public static class ParticipationQueries
{
    public static async Task<RoundParticipation> LoadRoundAsync(AppDbContext db, Edition edition, Round round, int currentYear)
    {
        var channels = await db.Participations.Where(p => p.RoundId == round.Id).GroupBy(p => p.Channel)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var invalid = await db.PaperSheets.CountAsync(s => s.RoundId == round.Id && s.Status == SheetStatus.Invalid);
        var groups = await GroupsAsync(db, edition, round.Id);
        var sizes = await SizesAsync(db, edition);
        return ParticipationTally.Count(groups, sizes, channels, invalid, edition.MinimumAge, round.OpenedAt?.Year ?? currentYear);
    }

    public static async Task<IdeaParticipation> LoadIdeasAsync(AppDbContext db, Edition edition)
    {
        var ideas = await db.Ideas.Where(i => i.EditionId == edition.Id && !i.Hidden)
            .Select(i => new { i.ThemeId, i.BuurtId, i.SubmitterId, i.ByNetwork, i.Status }).ToListAsync();
        var themes = edition.Themes.ToDictionary(t => t.Id, t => t.DisplayName);
        var buurten = edition.Buurten.ToDictionary(b => b.Id, b => b.Name);
        var facts = ideas.Select(i => new IdeaFact(
            themes.GetValueOrDefault(i.ThemeId, ""), buurten.GetValueOrDefault(i.BuurtId, ""), i.SubmitterId, i.ByNetwork, Verdict(i.Status))).ToList();
        var ideaThemes = edition.Themes.Where(t => ideas.Any(i => i.ThemeId == t.Id) || t.Budget is not null).Select(t => t.DisplayName).ToList();
        return IdeaParticipation.Count(facts, ideaThemes, [.. edition.Buurten.Select(b => b.Name)]);
    }

    private static IdeaVerdict Verdict(IdeaStatus status) => status switch
    {
        IdeaStatus.Admitted => IdeaVerdict.Admitted,
        IdeaStatus.NotAdmitted => IdeaVerdict.NotAdmitted,
        _ => IdeaVerdict.Pending,
    };

    /// <summary>Residents who may vote per buurt: the number staff entered, else (stemcodes edition) the active codes of that buurt.</summary>
    private static async Task<IReadOnlyList<BuurtSize>> SizesAsync(AppDbContext db, Edition edition)
    {
        var codes = edition.UsesStemcodes
            ? await db.VotingCodes.Where(c => c.EditionId == edition.Id && c.RevokedAt == null).GroupBy(c => c.Buurt)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count)
            : [];
        return [.. edition.Buurten.Select(b => new BuurtSize(b.Name, b.EligibleResidents ?? (codes.TryGetValue(b.Name, out var n) ? n : null)))];
    }

    private static async Task<List<ParticipantGroup>> GroupsAsync(AppDbContext db, Edition edition, int roundId)
    {
        var online = db.Participations.Where(p => p.RoundId == roundId && p.Channel != BallotChannel.Paper);
        var codes = db.VotingCodes.Where(c => c.EditionId == edition.Id);

        // Online and desk ballots of accounts (an accounts edition): the account's postcode and birth year.
        var byAccount = await (from b in online
                               join u in db.Users on b.VoterId equals u.Id
                               group u by new { u.Postcode, u.BirthYear } into g
                               select new { g.Key.Postcode, g.Key.BirthYear, People = g.Count() }).ToListAsync();

        // Stemcodes that voted (typed, from a linked account, or at the desk), and paper voters checked in by stemcode.
        // One participation and one check-in per code and round (keys), so a code is counted once in each. A paper
        // sheet's participation has a voter id of its own (random), never a code's, so the check needs no channel: the
        // key (RoundId, VoterId) answers it without reading a participation row.
        var ofRound = db.Participations.Where(p => p.RoundId == roundId);
        var byCode = await CodeGroupsAsync(db, codes.Where(c => ofRound.Any(p => p.VoterId == c.VoterId)));
        var checkIns = db.EventCheckIns.Where(ci => ci.RoundId == roundId);
        var checkedInCodes = await CodeGroupsAsync(db, codes.Where(c => checkIns.Any(ci => ci.VotingCodeId == c.Id)));

        // Paper voters on an accounts edition's attendance list: by postcode.
        var attendees = await checkIns.Where(ci => ci.VotingCodeId == null).GroupBy(ci => ci.AttendeePostcode)
            .Select(g => new { Postcode = g.Key, People = g.Count() }).ToListAsync();

        var buurtOf = BuurtFinder(edition);
        return
        [
            .. byAccount.Select(g => new ParticipantGroup(buurtOf(g.Postcode), g.BirthYear, g.People)),
            .. byCode,
            .. checkedInCodes,
            .. attendees.Select(g => new ParticipantGroup(buurtOf(g.Postcode), null, g.People)),
        ];
    }

    /// <summary>Codes by the letter's buurt and the register's birth year, else the linked account's.</summary>
    private static Task<List<ParticipantGroup>> CodeGroupsAsync(AppDbContext db, IQueryable<Data.Stemcodes.VotingCode> codes) =>
        (from c in codes
         join u in db.Users on c.AccountId equals u.Id into linked
         from u in linked.DefaultIfEmpty()
         group c by new { c.Buurt, BirthYear = c.BirthYear ?? u.BirthYear } into g
         select new ParticipantGroup(g.Key.Buurt, g.Key.BirthYear, g.Count())).ToListAsync();

    /// <summary>The buurt a postcode lies in (the first that holds it), or null.</summary>
    internal static Func<string?, string?> BuurtFinder(Edition edition)
    {
        var areas = edition.Buurten.Select(b => (b.Name, Area: PostcodeArea.TryParse(b.Postcodes, out _) ?? PostcodeArea.Empty)).ToList();
        return postcode => postcode is null ? null : areas.FirstOrDefault(a => a.Area.Contains(postcode)).Name;
    }
}
