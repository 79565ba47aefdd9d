using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;

namespace Burgerbegroting.Web.Editions;

/// <summary>A file's bytes, its content type and the name a download is saved under.</summary>
public sealed record FileContent(byte[] Content, string ContentType, string FileName);

/// <summary>
/// One public file of a published round, by its name, and how to build it; <paramref name="ShowsIdeas"/> when it shows
/// which ideas were on the ballot, which staff can still change (an idea hidden after the round).
/// </summary>
public sealed record PublicFile(string Name, Func<Task<FileContent>> Build, bool ShowsIdeas = false);

/// <summary>
/// The open data of a published round (its ballot list, round 4's pabulib files and results) is built once — when the
/// round is published, or at the first download of a round published before files were stored — and kept in the
/// database (<see cref="PublishedFile"/>), so every app instance serves the same bytes and a download costs reading
/// them, not every ballot. The ballots of a published round never change; what a file shows besides them that staff
/// can still change (the edition's name, which ideas are on the ballot: <see cref="Edition.FiguresVersion"/>) is in the
/// file's <see cref="Source"/>, and a file is served only under the current one (docs/secrecy.md, "Open data").
/// </summary>
public sealed class PublishedFiles(AppDbContext db, PublishedFileBuilds builds, TimeProvider clock, ILogger<PublishedFiles> log)
{
    /// <summary>GET and HEAD, as for a static file.</summary>
    public static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>
    /// Public data that changes rarely (an edition renamed, an idea hidden): caches may keep it five minutes, then ask
    /// again with its ETag, which costs a 304 while it is the same.
    /// </summary>
    public const string CacheControl = "public, max-age=300";

    /// <summary>The stored file (built and stored first if there is none under the current source), or 304 when the client has it.</summary>
    public async Task<IResult> ServeAsync(HttpContext context, Edition edition, Round round, PublicFile file)
    {
        var key = new FileKey(round.Id, file.Name, Source(edition, round, file));
        var stored = builds.Known(key);
        if (stored is null)
        {
            stored = await FindAsync(key) ?? await builds.RunOnceAsync(key, () => StoreAsync(key, file.Build));
            builds.Remember(key, stored);
        }

        var tag = new EntityTagHeaderValue($"\"{stored.Hash}\"");
        context.Response.Headers.CacheControl = CacheControl;
        if (context.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } asked && asked.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(tag, useStrongComparison: false)))
        {
            context.Response.Headers.ETag = tag.ToString();
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var content = builds.Content(stored.Hash);
        if (content is null)
        {
            // A newer source stored at this moment deletes this one's row: then these bytes are built again, not stored.
            content = await db.PublishedFiles.Where(f => f.Id == stored.Id).Select(f => f.Content).SingleOrDefaultAsync() ?? (await file.Build()).Content;
            builds.Remember(stored.Hash, content);
        }

        return Results.File(content, stored.ContentType, stored.FileName, entityTag: tag);
    }

    /// <summary>
    /// Builds and stores every public file of the round once it is published, after its publication is saved. A file
    /// that fails here is built at its first download instead, so the publication stands either way.
    /// </summary>
    public async Task StoreAllAsync(int roundId)
    {
        var edition = await db.Editions.AsNoTracking()
            .Include(e => e.Rounds.OrderBy(r => r.Number))
            .Include(e => e.Themes.OrderBy(t => t.Position))
            .AsSplitQuery()
            .SingleAsync(e => e.Rounds.Any(r => r.Id == roundId));
        var round = edition.Rounds.Single(r => r.Id == roundId);
        foreach (var file in FilesOf(edition, round))
        {
            var key = new FileKey(round.Id, file.Name, Source(edition, round, file));
            try
            {
                _ = await FindAsync(key) ?? await builds.RunOnceAsync(key, () => StoreAsync(key, file.Build));
            }
            catch (Exception e) when (e is DbException or DbUpdateException)
            {
                log.LogWarning(e, "Open data file {Name} of round {RoundId} not stored at publication; it is built at its first download.", file.Name, roundId);
            }
        }
    }

    /// <summary>Every public file of a published round.</summary>
    private IEnumerable<PublicFile> FilesOf(Edition edition, Round round) =>
        [.. Secrecy.BallotList.Files(db, edition, round), .. Selection.OpenData.Files(db, edition, round)];

    /// <summary>
    /// What a file is built from besides the round's ballots, as a fingerprint: the edition's name and rule, the
    /// themes' names, the round's dates, and for a file that shows the ideas <see cref="Edition.FiguresVersion"/>, which
    /// every review, move or hiding of an idea raises. (Which themes were chosen and their budgets are settled by
    /// rounds 1 and 2, before round 4 opens.) Read from the rows loaded before the file is built, so a file built while
    /// they change is stored under the old fingerprint and not served again.
    /// </summary>
    public static string Source(Edition edition, Round round, PublicFile file)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{edition.Name}\n{edition.OutcomeRule}\n{(file.ShowsIdeas ? edition.FiguresVersion : "")}\n");
        text.Append(CultureInfo.InvariantCulture, $"{round.OpenedAt?.Ticks}\n{round.ClosedAt?.Ticks}\n{round.PublishedAt?.Ticks}\n");
        foreach (var theme in edition.Themes.OrderBy(t => t.Id))
        {
            text.Append(CultureInfo.InvariantCulture, $"{theme.Id}\t{theme.Name}\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private Task<StoredFile?> FindAsync(FileKey key) =>
        db.PublishedFiles.AsNoTracking().Where(f => f.RoundId == key.RoundId && f.Name == key.Name && f.Source == key.Source)
            .Select(f => new StoredFile(f.Id, f.Hash, f.ContentType, f.FileName)).SingleOrDefaultAsync();

    /// <summary>Builds the file and stores it; when another instance stored it first, theirs (the same bytes).</summary>
    private async Task<StoredFile> StoreAsync(FileKey key, Func<Task<FileContent>> build)
    {
        if (await FindAsync(key) is { } done)
        {
            return done;
        }

        var file = await build();
        var row = new PublishedFile
        {
            RoundId = key.RoundId, Name = key.Name, Source = key.Source, ContentType = file.ContentType, FileName = file.FileName,
            Content = file.Content, Hash = Convert.ToHexStringLower(SHA256.HashData(file.Content)), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.PublishedFiles.Add(row);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            db.Entry(row).State = EntityState.Detached;
            return await FindAsync(key) ?? throw new InvalidOperationException($"The file {key.Name} of round {key.RoundId} could not be stored.");
        }

        db.Entry(row).State = EntityState.Detached;
        // The same file built from an earlier source is not served again.
        await db.PublishedFiles.Where(f => f.RoundId == key.RoundId && f.Name == key.Name && f.Source != key.Source).ExecuteDeleteAsync();
        builds.Remember(row.Hash, row.Content);
        return new StoredFile(row.Id, row.Hash, row.ContentType, row.FileName);
    }
}

/// <summary>A stored file's key: its round, its name in the round, and the source it was built from.</summary>
public sealed record FileKey(int RoundId, string Name, string Source);

/// <summary>A stored file without its bytes.</summary>
public sealed record StoredFile(long Id, string Hash, string ContentType, string FileName);

/// <summary>
/// What one instance knows of the stored files. Requests that find the same file missing wait for one build instead of
/// each reading every ballot (instances build side by side at worst, and the unique key keeps one row). A key's file
/// never changes (its ballots are frozen and the rest is in the key) and bytes are kept by their SHA-256, so both are
/// kept in memory without asking the database again: a repeat download reads no stored row (up to
/// <see cref="MemoryLimit"/> of bytes; larger files are read from the database each time).
/// </summary>
public sealed class PublishedFileBuilds : IDisposable
{
    public const long MemoryLimit = 64 * 1024 * 1024;
    private const long LargestKept = 16 * 1024 * 1024;
    private static readonly TimeSpan Idle = TimeSpan.FromHours(2);
    private readonly ConcurrentDictionary<FileKey, Lazy<Task<StoredFile>>> _running = new();
    private readonly MemoryCache _kept = new(new MemoryCacheOptions { SizeLimit = MemoryLimit });

    public StoredFile? Known(FileKey key) => _kept.Get<StoredFile>(key);

    public byte[]? Content(string hash) => _kept.Get<byte[]>(hash);

    public void Remember(FileKey key, StoredFile file) => _kept.Set(key, file, new MemoryCacheEntryOptions { Size = 1024, SlidingExpiration = Idle });

    public void Remember(string hash, byte[] content)
    {
        if (content.Length <= LargestKept)
        {
            _kept.Set(hash, content, new MemoryCacheEntryOptions { Size = content.Length, SlidingExpiration = Idle });
        }
    }

    public void Dispose() => _kept.Dispose();

    public async Task<StoredFile> RunOnceAsync(FileKey key, Func<Task<StoredFile>> store)
    {
        var build = _running.GetOrAdd(key, _ => new Lazy<Task<StoredFile>>(store, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return await build.Value;
        }
        finally
        {
            _running.TryRemove(KeyValuePair.Create(key, build));
        }
    }
}
