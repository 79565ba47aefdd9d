using System.Text.Json;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Email;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Data.Stemcodes;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Paper;
using Burgerbegroting.Web.Participation;
using Burgerbegroting.Web.Privacy;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Burgerbegroting.Web.Tests.Privacy;

public sealed class RetentionSqliteTests() : RetentionTests(TestDatabase.Sqlite)
{
    /// <summary>The background job, not a test calling the service: it runs when the app's clock passes the date.</summary>
    [Fact]
    public async Task The_background_job_removes_the_data_when_the_clock_passes_the_date()
    {
        await using var app = new AppFactory().WithServices(s => s.AddSingleton<TimeProvider>(Clock)).With("Privacy:RetentionCheckInterval", "1.00:00:00");
        await SeedAsync(app);
        _ = app.Server;
        Clock.Advance(TimeSpan.FromDays(2));
        await Task.Delay(300);
        Assert.Equal(4, await NamedAttendeesAsync(app));

        Clock.Advance(TimeSpan.FromDays(370));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await NamedAttendeesAsync(app) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, await NamedAttendeesAsync(app));
    }

    private static Task<int> NamedAttendeesAsync(AppFactory app) => app.WithDbAsync(db => db.EventCheckIns.CountAsync(c => c.AttendeeName != null));
}

/// <summary>The retention's updates on PostgreSQL too.</summary>
public sealed class RetentionPostgresTests() : RetentionTests(TestDatabase.Postgres);

/// <summary>
/// An edition's personal data that are no longer needed go when the retention period after its last publication ends
/// (docs/privacy.md, "How long"), on the app's clock: names on attendance lists, stemcode addressees, mail bodies. The
/// published figures stay as they were.
/// </summary>
public abstract class RetentionTests(TestDatabase database) : IAsyncLifetime
{
    protected static readonly DateTime Published = new(2027, 11, 1, 12, 0, 0, DateTimeKind.Utc);

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(Published.AddDays(1)));

    private AppFactory? _app;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Personal_data_go_after_the_period_and_the_published_figures_stay()
    {
        _app = new AppFactory(database).WithServices(s => s.AddSingleton<TimeProvider>(Clock)).With("Privacy:RunRetention", "false");
        await SeedAsync(_app);
        await _app.CreateAsync("medewerker@example.nl", Roles.Staff);
        var staff = await _app.SignInAsync("medewerker@example.nl");
        var figures = await FiguresAsync(_app);

        // Before the date: nothing goes, and staff see what will go and when.
        Assert.Equal(0, await ApplyAsync(_app));
        var plan = Assert.Single(await PlansAsync(_app));
        Assert.Equal((Published.AddMonths(12), 4, 2, 1), (plan.DueAt!.Value, plan.Attendees, plan.Addressees, plan.MailBodies));
        var overview = (await staff.GetDocumentAsync("/beheer/privacy")).QuerySelector("main table")!.TextContent;
        Assert.Contains(Published.AddMonths(12).ToLocalTime().ToString("d", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")), overview, StringComparison.Ordinal);

        Clock.Advance(TimeSpan.FromDays(364));
        Assert.Equal(0, await ApplyAsync(_app));
        Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await ApplyAsync(_app));

        var attendees = await _app.WithDbAsync(db => db.EventCheckIns.AsNoTracking().OrderBy(c => c.Id).ToListAsync());
        Assert.All(attendees, a => Assert.Null(a.AttendeeName));
        Assert.Equal(["6211AB", "6211AB", "6214XY", null], attendees.Select(a => a.AttendeePostcode));
        var codes = await _app.WithDbAsync(db => db.VotingCodes.AsNoTracking().OrderBy(c => c.Id).ToListAsync());
        Assert.All(codes, c => Assert.Equal((null, null, null), (c.Name, c.Postcode, c.HouseNumber)));
        Assert.Equal([("Centrum", 1970), ("Malberg", 2001)], codes.Select(c => (c.Buurt, c.BirthYear ?? 0)));
        var mails = await _app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync());
        Assert.Equal(["", "Later", "Nog in de wachtrij"], mails.Select(m => m.TextBody));
        Assert.Null(mails[0].HtmlBody);
        Assert.Equal("Uitslag", mails[0].Subject);
        Assert.Equal(figures, await FiguresAsync(_app));

        // Once is enough: a second pass finds nothing, and staff (signed in again: a year passed) see that it was done.
        Assert.Equal(0, await ApplyAsync(_app));
        staff = await _app.SignInAsync("medewerker@example.nl");
        Assert.Single(await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "privacy.retention").ToListAsync()));
        Assert.Contains("Verwijderd op", (await staff.GetDocumentAsync("/beheer/privacy")).QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>
    /// A finished accounts edition (every round published on <see cref="Published"/>) with an event's attendance list
    /// (two from Centrum, one from Malberg, one from outside the area), two stemcodes with addressees, and mails.
    /// </summary>
    protected async Task SeedAsync(AppFactory app)
    {
        await app.CreateEditionAsync();
        await app.WithDbAsync(async db =>
        {
            var edition = await db.Editions.Include(e => e.Rounds).SingleAsync();
            foreach (var round in edition.Rounds)
            {
                (round.Status, round.OpenedAt, round.PublishedAt) = (RoundStatus.Published, Published.AddMonths(-2), Published.AddHours(round.Number - 4));
            }

            var round1 = edition.Rounds.Single(r => r.Number == 1);
            var ev = new VotingEvent { EditionId = edition.Id, RoundId = round1.Id, Name = "Buurthuis", Place = "Centrum", Date = new DateOnly(2027, 3, 1), CreatedAt = Published };
            db.VotingEvents.Add(ev);
            await db.SaveChangesAsync();
            db.EventCheckIns.AddRange(
                [.. new[] { ("Anna", "6212CD"), ("Bram", "6211AB"), ("Cas", "6214XY"), ("Dirk", "9999ZZ") }.Select(a =>
                    new EventCheckIn { EventId = ev.Id, RoundId = round1.Id, AttendeeName = a.Item1, AttendeePostcode = a.Item2, At = Published.AddMonths(-1), By = "medewerker@example.nl" })]);
            var batch = new StemcodeBatch { EditionId = edition.Id, Kind = StemcodeBatchKind.Register, CreatedAt = Published, CreatedBy = "medewerker@example.nl", Count = 2 };
            db.StemcodeBatches.Add(batch);
            await db.SaveChangesAsync();
            db.VotingCodes.AddRange(
                new VotingCode { EditionId = edition.Id, BatchId = batch.Id, Index = 0, Hash = [1], VoterId = "v1", Buurt = "Centrum", Name = "E. Eerste", Postcode = "6211AB", HouseNumber = "1", BirthYear = 1970 },
                new VotingCode { EditionId = edition.Id, BatchId = batch.Id, Index = 1, Hash = [2], VoterId = "v2", Buurt = "Malberg", Name = "T. Tweede", Postcode = "6214XY", HouseNumber = "2a", BirthYear = 2001 });
            db.OutboxMessages.AddRange(
                Mail("Uitslag", "Beste Anna, de uitslag", OutboxStatus.Sent, Published.AddDays(-1)),
                Mail("Later", "Later", OutboxStatus.Sent, Published.AddDays(1)),
                Mail("Wacht", "Nog in de wachtrij", OutboxStatus.Queued, Published.AddDays(2)));
            db.Participations.Add(new Burgerbegroting.Data.Editions.ParticipationRecord { RoundId = round1.Id, VoterId = "paper-1", Channel = BallotChannel.Paper, FirstVotedAt = Published, LastVotedAt = Published });
            return await db.SaveChangesAsync();
        });
    }

    private static OutboxMessage Mail(string subject, string body, OutboxStatus status, DateTime at) =>
        new() { To = "anna@example.nl", Subject = subject, TextBody = body, HtmlBody = $"<p>{body}</p>", Kind = "test", Status = status, CreatedAt = at, NextAttemptAt = at };

    private static async Task<int> ApplyAsync(AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Retention>().ApplyDueAsync();
    }

    private static async Task<List<RetentionPlan>> PlansAsync(AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Retention>().PlansAsync();
    }

    /// <summary>Round 1's participation figures (by buurt, age and channel), as the public pages compute them.</summary>
    private static Task<string> FiguresAsync(AppFactory app) => app.WithDbAsync(async db =>
    {
        var edition = await db.Editions.AsNoTracking().Include(e => e.Buurten).Include(e => e.Rounds).SingleAsync();
        var figures = await ParticipationQueries.LoadRoundAsync(db, edition, edition.Rounds.Single(r => r.Number == 1), 2027);
        return JsonSerializer.Serialize(figures);
    });
}
