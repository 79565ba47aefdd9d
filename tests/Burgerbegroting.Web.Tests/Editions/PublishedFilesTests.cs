using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Editions.Demo;
using Burgerbegroting.Web.Ideas;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Web.Tests.Editions;

public sealed class PublishedFilesSqliteTests() : PublishedFilesTests(TestDatabase.Sqlite);

public sealed class PublishedFilesPostgresTests() : PublishedFilesTests(TestDatabase.Postgres);

/// <summary>
/// The open data of a published round (ballot lists, round 4's pabulib files and results) is built once, at
/// publication or at the first download of a round published before, stored in the database and served as it was
/// stored: a strong ETag, 304 for a client that has it, HEAD; a change staff can still make (an idea hidden, the
/// edition renamed) makes a new file.
/// </summary>
public abstract class PublishedFilesTests(TestDatabase database) : IAsyncLifetime
{
    private readonly AppFactory _app = new AppFactory(database).With("Email:RunSender", "false");
    private List<string> _urls = [];

    public async ValueTask InitializeAsync()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoEdition>().SeedAsync(DemoStage.Done);
        }

        var results = await _app.ResultsUrlAsync();
        var themes = await _app.WithDbAsync(db => db.Themes.Where(t => t.Chosen && t.Budget != null).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync());
        _urls = [$"{results}/1/stembiljetten.csv", $"{results}/2/stembiljetten.csv", $"{results}/4/stembiljetten.csv", $"{results}/4/results.csv",
            .. themes.Select(id => $"{results}/4/ballots.pb?thema={id}")];
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Another app instance on the same database, which has not served any file yet.</summary>
    private AppFactory OtherInstance() => (database == TestDatabase.Sqlite
        ? new AppFactory(sqliteFile: _app.SqliteFile)
        : new AppFactory(TestDatabase.Postgres, postgresDatabase: _app.DatabaseName)).With("Email:RunSender", "false");

    private Task<List<PublishedFile>> StoredAsync() => _app.WithDbAsync(db => db.PublishedFiles.AsNoTracking().OrderBy(f => f.Id).ToListAsync());

    private Task<int> ForgetStoredAsync() => _app.WithDbAsync(db => db.PublishedFiles.ExecuteDeleteAsync());

    private async Task<List<byte[]>> DownloadAllAsync(HttpClient client)
    {
        var files = new List<byte[]>();
        foreach (var url in _urls)
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            files.Add(await response.Content.ReadAsByteArrayAsync());
        }

        return files;
    }

    [Fact]
    public async Task Every_file_is_stored_at_publication_and_served_as_stored_with_a_strong_etag()
    {
        var stored = await StoredAsync();
        Assert.Equal(_urls.Count, stored.Count);
        var visitor = _app.CreateBrowserlessClient();

        foreach (var url in _urls)
        {
            using var response = await visitor.GetAsync(url);
            var body = await response.Content.ReadAsByteArrayAsync();
            var file = Assert.Single(stored, f => f.Content.AsSpan().SequenceEqual(body));
            Assert.Equal($"\"{Convert.ToHexStringLower(SHA256.HashData(body))}\"", response.Headers.ETag!.ToString());
            Assert.False(response.Headers.ETag.IsWeak);
            Assert.Equal(body.Length, response.Content.Headers.ContentLength);
            Assert.Equal("public, max-age=300", response.Headers.CacheControl!.ToString());
            Assert.Equal(file.ContentType, response.Content.Headers.ContentType!.ToString());
            Assert.Equal(file.FileName, response.Content.Headers.ContentDisposition!.FileNameStar);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition.DispositionType);
        }

        Assert.Equal(stored.Select(f => (f.Id, f.CreatedAt)), (await StoredAsync()).Select(f => (f.Id, f.CreatedAt)));
    }

    [Fact]
    public async Task A_download_reads_the_stored_file_not_the_ballots()
    {
        var visitor = _app.CreateBrowserlessClient();
        var before = await DownloadAllAsync(visitor);

        // Were a download built from the ballots, every list and pabulib file would now be without votes.
        var deleted = await _app.WithDbAsync(db => db.BallotEntries.ExecuteDeleteAsync());
        Assert.True(deleted > 0);

        Assert.Equal(before, await DownloadAllAsync(visitor));
    }

    [Fact]
    public async Task A_client_with_the_file_gets_304_and_head_gets_the_headers_without_the_body()
    {
        var visitor = _app.CreateBrowserlessClient();
        foreach (var url in _urls)
        {
            using var first = await visitor.GetAsync(url);
            var length = (await first.Content.ReadAsByteArrayAsync()).Length;

            using var again = new HttpRequestMessage(HttpMethod.Get, url);
            again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
            using var notModified = await visitor.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Equal(first.Headers.ETag, notModified.Headers.ETag);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

            using var other = new HttpRequestMessage(HttpMethod.Get, url);
            other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0000\""));
            using var changed = await visitor.SendAsync(other);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.Equal(length, (await changed.Content.ReadAsByteArrayAsync()).Length);

            using var head = await visitor.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(first.Headers.ETag, head.Headers.ETag);
            Assert.Equal(length, head.Content.Headers.ContentLength);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task A_round_published_before_files_were_stored_gets_them_at_the_first_download_with_the_same_bytes()
    {
        var published = await DownloadAllAsync(_app.CreateBrowserlessClient());
        Assert.Equal(_urls.Count, await ForgetStoredAsync());
        await using var later = OtherInstance();
        var visitor = later.CreateBrowserlessClient();

        var first = await DownloadAllAsync(visitor);

        Assert.Equal(published, first);
        var stored = await StoredAsync();
        Assert.Equal(_urls.Count, stored.Count);
        Assert.Equal(published.Order(ByteOrder.Instance), stored.Select(f => f.Content).Order(ByteOrder.Instance));
        Assert.Equal(first, await DownloadAllAsync(visitor));
        Assert.Equal(stored.Select(f => f.Id), (await StoredAsync()).Select(f => f.Id));
    }

    [Fact]
    public async Task Two_instances_downloading_a_missing_file_at_the_same_moment_store_it_once()
    {
        var published = await DownloadAllAsync(_app.CreateBrowserlessClient());
        await ForgetStoredAsync();
        await using var first = OtherInstance();
        await using var second = OtherInstance();
        var clients = new[] { first.CreateBrowserlessClient(), second.CreateBrowserlessClient() };

        var downloads = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => DownloadAllAsync(clients[i % 2])));

        Assert.All(downloads, files => Assert.Equal(published, files));
        var stored = await StoredAsync();
        Assert.Equal(_urls.Count, stored.Count);
        Assert.Equal(_urls.Count, stored.Select(f => (f.RoundId, f.Name)).Distinct().Count());
    }

    [Fact]
    public async Task Hiding_an_idea_or_renaming_the_edition_after_publication_makes_new_files_and_drops_the_old()
    {
        var visitor = _app.CreateBrowserlessClient();
        var pabulib = _urls.Where(u => u.Contains("ballots.pb", StringComparison.Ordinal)).ToList();
        var before = await visitor.GetStringAsync(pabulib[0]);
        var themeId = int.Parse(pabulib[0].Split('=')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var idea = await _app.WithDbAsync(db => db.Ideas.Where(i => i.ThemeId == themeId && i.Status == IdeaStatus.Admitted && !i.Hidden)
            .OrderBy(i => i.Id).Select(i => new { i.Id, i.Title }).FirstAsync());
        var (ideaId, title) = (idea.Id, idea.Title);
        Assert.Contains(title, before, StringComparison.Ordinal);

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var reviews = scope.ServiceProvider.GetRequiredService<IdeaReviews>();
            await reviews.HideAsync((await reviews.FindAsync(ideaId))!, "Beledigend");
        }

        var after = await visitor.GetStringAsync(pabulib[0]);
        Assert.DoesNotContain(title, after, StringComparison.Ordinal);
        Assert.DoesNotContain(await StoredAsync(), f => f.Content.AsSpan().SequenceEqual(System.Text.Encoding.UTF8.GetBytes(before)));

        await _app.WithDbAsync(db => db.Editions.ExecuteUpdateAsync(s => s.SetProperty(e => e.Name, "Burgerbegroting Hernoemd")));
        using var renamed = await visitor.GetAsync(_urls[0]);
        Assert.StartsWith("BurgerbegrotingHernoemd_", renamed.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        Assert.Equal(_urls.Count, (await StoredAsync()).Count);
    }

    /// <summary>Byte arrays in a fixed order, to compare two sets of files.</summary>
    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
