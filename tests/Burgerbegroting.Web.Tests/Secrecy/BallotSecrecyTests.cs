using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Secrecy;
using Burgerbegroting.Web.Secrecy;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Events;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Burgerbegroting.Web.Tests.Secrecy;

/// <summary>
/// Ballot secrecy (docs/secrecy.md) as an attacker would test it: forty residents vote through the pages, the round
/// closes, and a full copy of the database plus everything the app logged are searched for a link between a ballot
/// and a voter; after publication the round's key is gone.
/// </summary>
public sealed partial class BallotSecrecyTests : IAsyncLifetime
{
    private const int Voters = 40;
    private readonly LogCapture _logs = new();
    private readonly AppFactory _app;
    private readonly List<(string Email, string Id, string Receipt, int[] Themes)> _votes = [];

    public BallotSecrecyTests()
    {
        _app = new AppFactory().With("Logging:LogLevel:Default", "Trace").With("Logging:LogLevel:Microsoft", "Trace")
            .WithServices(s => s.AddSingleton<ILoggerProvider>(_logs));
    }

    public async ValueTask InitializeAsync()
    {
        await _app.CreateEditionAsync();
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.OpenAsync(id)));
        var themes = await _app.ThemeIdsAsync();
        for (var i = 0; i < Voters; i++)
        {
            var email = $"inwoner{i}@example.nl";
            var user = await _app.CreateAsync(email, Roles.Resident);
            var client = await _app.SignInAsync(email);
            // Two kinds of ballot, so five themes get clear counts and the sixth none: no tie at the cut-off.
            int[] chosen = i % 2 == 0 ? [themes[0], themes[1], themes[2]] : [themes[0], themes[3], themes[4]];
            var saved = await client.FollowAsync(await VoteAsync(client, chosen), "/stemmen/themas");
            var receipt = ReceiptIn(saved.Status());
            Assert.Equal(receipt, saved.QuerySelector(".bb-receipt-code")?.TextContent);
            _votes.Add((email, user.Id, receipt, chosen));
        }

        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.CloseAsync(id)));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task<HttpResponseMessage> VoteAsync(HttpClient client, int[] themes)
    {
        var page = await client.GetDocumentAsync("/stemmen/themas");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        List<KeyValuePair<string, string>> fields = [new("__RequestVerificationToken", token), .. themes.Select(t => new KeyValuePair<string, string>("Chosen", t.ToString(CultureInfo.InvariantCulture)))];
        return await client.PostAsync("/stemmen/themas", new FormUrlEncodedContent(fields));
    }

    private static string ReceiptIn(string text) => ReceiptPattern().Match(text) is { Success: true } m ? m.Value : throw new InvalidOperationException("no receipt code in: " + text);

    [GeneratedRegex("[A-Z2-9]{4}-[A-Z2-9]{4}")]
    private static partial Regex ReceiptPattern();

    [Fact]
    public async Task A_copy_of_the_database_after_the_close_links_no_ballot_to_a_voter_without_the_round_key()
    {
        var copy = CopyOfTheDatabase();
        var ballots = Rows(copy, "SELECT \"Id\", \"Pseudonym\", \"ReceiptCode\" FROM \"Ballots\" ORDER BY rowid");

        // The ballot tables name nobody and say nothing about when: no voter, account or time column.
        Assert.Equal(["Id", "Pseudonym", "ReceiptCode", "RoundId"], Columns(copy, "Ballots").Order(StringComparer.Ordinal));
        Assert.Equal(["BallotId", "Id", "IdeaId", "ThemeId", "Value"], Columns(copy, "BallotEntries").Order(StringComparer.Ordinal));
        var identities = _votes.SelectMany(v => new[] { v.Id, v.Email }).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(Rows(copy, "SELECT * FROM \"Ballots\"").Concat(Rows(copy, "SELECT * FROM \"BallotEntries\"")).SelectMany(r => r), identities.Contains);

        // The pseudonyms are a keyed hash: with any key but the round's they match no voter; the round's key exists in
        // the copy only encrypted with Secrets:ballots, which is not in the database.
        var guessed = RandomNumberGenerator.GetBytes(BallotPseudonym.KeyBytes);
        var pseudonyms = ballots.Select(b => b[1]).ToHashSet();
        Assert.DoesNotContain(_votes, v => pseudonyms.Contains(BallotPseudonym.Of(guessed, v.Id)));
        Assert.DoesNotContain(Rows(copy, "SELECT hex(\"Wrapped\") FROM \"RoundKeys\"").Select(r => r[0]), hex => _votes.Any(v => pseudonyms.Contains(BallotPseudonym.Of(Convert.FromHexString(hex).AsSpan(^32..), v.Id))));
        var key = (await RoundKeyAsync())!;
        Assert.All(_votes, v => Assert.Contains(BallotPseudonym.Of(key, v.Id), pseudonyms));

        // Nor does the order of the rows say who voted when: not the stored order, not the ids.
        var byVote = _votes.Select(v => v.Receipt).ToList();
        Assert.InRange(BallotOrderTests.RankCorrelation(byVote, ballots.Select(b => b[2]).ToList()), -0.6, 0.6);
        Assert.InRange(BallotOrderTests.RankCorrelation(byVote, ballots.OrderBy(b => long.Parse(b[0], CultureInfo.InvariantCulture)).Select(b => b[2]).ToList()), -0.6, 0.6);
    }

    [Fact]
    public async Task Nothing_the_app_logged_or_mailed_names_a_ballot()
    {
        var lines = _logs.Lines.ToList();
        Assert.NotEmpty(lines);
        Assert.DoesNotContain(lines, line => _votes.Any(v => line.Contains(v.Receipt, StringComparison.Ordinal)));
        var mails = await _app.WithDbAsync(db => db.OutboxMessages.Select(m => m.TextBody + m.HtmlBody + m.Subject).ToListAsync());
        Assert.Equal(Voters, mails.Count);
        Assert.DoesNotContain(mails, mail => _votes.Any(v => mail.Contains(v.Receipt, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Publishing_destroys_the_round_key_and_each_voter_finds_their_ballot_by_its_receipt_code_in_the_open_data()
    {
        var before = await BallotContentsAsync();
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.PublishAsync(id)));

        Assert.Null(await RoundKeyAsync());
        Assert.Equal(0, await _app.WithDbAsync(db => db.RoundKeys.CountAsync()));
        Assert.Equal(before, await BallotContentsAsync());
        Assert.Null(await _app.StoredBallotAsync(1, _votes[0].Id));
        Assert.Equal(Voters, await _app.WithDbAsync(db => db.Participations.CountAsync()));

        var csv = await _app.CreateBrowserlessClient().GetStringAsync("/2027/uitslag/1/stembiljetten.csv", TestContext.Current.CancellationToken);
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("receipt_code;theme_id;theme;idea_id;value", lines[0].TrimEnd('\r'));
        foreach (var vote in _votes)
        {
            var themes = lines.Where(l => l.StartsWith(vote.Receipt + ";", StringComparison.Ordinal)).Select(l => int.Parse(l.Split(';')[1], CultureInfo.InvariantCulture));
            Assert.Equal(vote.Themes.Order(), themes.Order());
        }
    }

    [Fact]
    public async Task The_ballot_list_is_not_public_before_publication()
    {
        var response = await _app.CreateBrowserlessClient().GetAsync("/2027/uitslag/1/stembiljetten.csv", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<byte[]?> RoundKeyAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var round = await scope.ServiceProvider.GetRequiredService<Burgerbegroting.Data.AppDbContext>().Rounds.AsNoTracking().SingleAsync(r => r.Number == 1);
        return await scope.ServiceProvider.GetRequiredService<BallotKeys>().KeyAsync(round);
    }

    private Task<List<string>> BallotContentsAsync() => _app.WithDbAsync(async db =>
        (await db.Ballots.Include(b => b.Entries).AsNoTracking().ToListAsync())
            .Select(b => b.ReceiptCode + ":" + string.Join(',', b.Entries.Select(e => e.ThemeId).Order())).Order(StringComparer.Ordinal).ToList());

    private string CopyOfTheDatabase()
    {
        var copy = Path.Combine(TestEnvironment.NewTempDirectory("secrecy-copy"), "copy.db");
        using var source = new SqliteConnection($"Data Source={_app.SqliteFile}");
        using var target = new SqliteConnection($"Data Source={copy}");
        source.Open();
        target.Open();
        source.BackupDatabase(target);
        return copy;
    }

    private static List<string> Columns(string database, string table) =>
        [.. Rows(database, $"SELECT name FROM pragma_table_info('{table}')").Select(r => r[0])];

    private static List<string[]> Rows(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!)]);
        }

        return rows;
    }
}
