using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Data.Stemcodes;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Paper;
using Burgerbegroting.Web.Editions.Demo;
using Burgerbegroting.Web.Stemcodes;
using Microsoft.EntityFrameworkCore;
using Ballot = Burgerbegroting.Data.Editions.Ballot;

namespace Burgerbegroting.Web.Editions;

/// <summary>
/// The rest of the demo's register: residents without an account who vote with the code from their letter (channel
/// stemcode) or on paper at the round's event, so the participation figures (docs/participation.md) have buurten and
/// age bands big enough to show. Who they are comes from a Random of its own; some buurten and age groups take part
/// more than others, as in a real city, and a few buurten stay small.
/// </summary>
public sealed partial class DemoEdition
{
    private const int LetterHolders = 1500;

    /// <summary>Turnout of a letter holder relative to the demo residents (who all have accounts and are keen).</summary>
    private const double LetterTurnout = 0.35;

    private sealed record LetterVoter(long CodeId, string VoterId, double Propensity);

    private List<LetterVoter> _letterVoters = [];

    /// <summary>Code ids of letter holders who voted online in a round: the desk does not check them in there.</summary>
    private readonly Dictionary<RoundKind, HashSet<long>> _votedOnline = [];

    private async Task IssueLettersAsync(Edition edition)
    {
        var random = new Random(Seed + 2);
        var buurtSize = DemoCity.Buurten.ToDictionary(b => b.Name, _ => 0.15 + (1.5 * random.NextDouble()));
        var keenness = DemoCity.Buurten.ToDictionary(b => b.Name, _ => 0.5 + random.NextDouble());
        var people = Enumerable.Range(0, LetterHolders).Select(i =>
        {
            var (name, postcodes) = Pick(random, DemoCity.Buurten, b => buurtSize[b.Name]);
            var age = 16 + random.Next(70) + (random.NextDouble() < 0.15 ? random.Next(12) : 0);
            var postcode = postcodes[..4] + "AB"[random.Next(2)] + "CEGHJKLMNPRTVWXZ"[random.Next(16)];
            return (Holder: new CodeHolder(name, postcode, HouseNumber(200 + i), null, _now.Year - age), Propensity: keenness[name] * (0.45 + (age / 80.0)));
        }).ToList();
        var batch = await issuer.IssueAsync(edition, StemcodeBatchKind.Register, [.. people.Select(p => p.Holder)], DemoName);
        var codes = await db.VotingCodes.AsNoTracking().Where(c => c.BatchId == batch.Id).OrderBy(c => c.Index).Select(c => new { c.Id, c.VoterId }).ToListAsync();
        _letterVoters = [.. codes.Zip(people, (c, p) => new LetterVoter(c.Id, c.VoterId, p.Propensity * LetterTurnout))];
        await issuer.CloseExportAsync(await db.StemcodeBatches.SingleAsync(b => b.Id == batch.Id));
    }

    /// <summary>Letter holders' online ballots, after the residents' ones, from the same Random.</summary>
    private void CastLetterBallots(RoundKind round, double turnout, Func<List<BallotEntry>> ballot, byte[] key)
    {
        var voted = _votedOnline[round] = [];
        foreach (var voter in _letterVoters)
        {
            if (_random.NextDouble() < turnout * voter.Propensity && ballot() is { Count: > 0 } entries)
            {
                AddBallot(round, key, voter.VoterId, BallotChannel.Stemcode, _now.AddMinutes(-_random.Next(60 * 24 * 14)), entries);
                voted.Add(voter.CodeId);
            }
        }
    }

    /// <summary>The residents who came to the event checked in with their letter, one per paper sheet.</summary>
    private async Task CheckInAsync(VotingEvent ev, RoundKind round, int sheets, string staff)
    {
        var voted = _votedOnline.GetValueOrDefault(round) ?? [];
        foreach (var voter in _letterVoters.Where(v => !voted.Contains(v.CodeId)).Take(sheets))
        {
            db.EventCheckIns.Add(new EventCheckIn { EventId = ev.Id, RoundId = ev.RoundId, VotingCodeId = voter.CodeId, At = _now, By = staff });
        }

        await db.SaveChangesAsync();
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items, Func<T, double> weight)
    {
        var at = random.NextDouble() * items.Sum(weight);
        foreach (var item in items)
        {
            at -= weight(item);
            if (at < 0)
            {
                return item;
            }
        }

        return items[^1];
    }
}
