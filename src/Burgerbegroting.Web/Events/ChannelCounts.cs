using Burgerbegroting.Data;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Voting.Paper;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Events;

/// <summary>
/// How a round's ballots came in (docs/events.md, "Channels"): counted alike, reported apart, with the paper sheets
/// that were invalid (in the turnout, not in the result).
/// </summary>
public sealed record ChannelCounts(IReadOnlyDictionary<BallotChannel, int> Ballots, int InvalidSheets)
{
    /// <summary>Every channel, in the order the results show them.</summary>
    public static IReadOnlyList<BallotChannel> Channels { get; } = Enum.GetValues<BallotChannel>();

    public int this[BallotChannel channel] => Ballots.GetValueOrDefault(channel);

    public static async Task<ChannelCounts> LoadAsync(AppDbContext db, int roundId)
    {
        var ballots = await db.Ballots.Where(b => b.RoundId == roundId).GroupBy(b => b.Channel)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var invalid = await db.PaperSheets.CountAsync(s => s.RoundId == roundId && s.Status == SheetStatus.Invalid);
        return new ChannelCounts(ballots, invalid);
    }
}
