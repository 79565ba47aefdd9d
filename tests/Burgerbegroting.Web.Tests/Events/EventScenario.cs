using System.Globalization;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Tests.Events;

/// <summary>Events made the quick way, for tests about what happens at them; making one through its page is tested apart.</summary>
public static class EventScenario
{
    public static async Task<int> CreateEventAsync(this AppFactory app, string name, int round, string place = "Buurthuis De Romein") =>
        await app.WithDbAsync(async db =>
        {
            var edition = await db.Editions.SingleAsync();
            var roundId = await db.Rounds.Where(r => r.EditionId == edition.Id && r.Number == round).Select(r => r.Id).SingleAsync();
            var ev = new VotingEvent { EditionId = edition.Id, RoundId = roundId, Name = name, Place = place, Date = new DateOnly(2027, 3, 14), CreatedAt = DateTime.UtcNow };
            db.VotingEvents.Add(ev);
            await db.SaveChangesAsync();
            return ev.Id;
        });

    /// <summary>Staff at the desk type the code, as they would without a camera.</summary>
    public static Task<HttpResponseMessage> CheckInAsync(this HttpClient staff, int eventId, string code) =>
        staff.SubmitAsync(EventUrl(eventId), new Dictionary<string, string> { ["Code"] = code }, "form#check-in");

    public static string EventUrl(int eventId) => $"/beheer/bijeenkomsten/{eventId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Ballots of a round as if cast through these channels (the channels' own paths are tested apart).</summary>
    public static async Task SeedBallotsAsync(this AppFactory app, int round, Func<int, IEnumerable<BallotEntry>> entries, params Burgerbegroting.Voting.Paper.BallotChannel[] channels) =>
        await app.WithDbAsync(async db =>
        {
            var roundId = await db.Rounds.Where(r => r.Number == round).Select(r => r.Id).SingleAsync();
            for (var i = 0; i < channels.Length; i++)
            {
                TestBallots.Add(db, roundId, Guid.NewGuid().ToString(), channels[i], entries(i));
            }

            return await db.SaveChangesAsync();
        });

    /// <summary>Paper sheets of an event in these states.</summary>
    public static async Task SeedSheetsAsync(this AppFactory app, int eventId, params SheetStatus[] statuses) =>
        await app.WithDbAsync(async db =>
        {
            var ev = await db.VotingEvents.SingleAsync(e => e.Id == eventId);
            var first = await db.PaperSheets.Where(s => s.EventId == eventId).Select(s => (int?)s.Number).MaxAsync() ?? 0;
            db.PaperSheets.AddRange(statuses.Select((status, i) => new PaperSheet
            {
                EventId = eventId,
                RoundId = ev.RoundId,
                Number = first + i + 1,
                Status = status,
                InvalidReason = status == SheetStatus.Invalid ? Burgerbegroting.Voting.Paper.SheetInvalidReason.Blank : null,
            }));
            return await db.SaveChangesAsync();
        });
}
