using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Microsoft.EntityFrameworkCore;
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
        var stored = await FindAsync(key) ?? await builds.RunOnceAsync(key, () => StoreAsync(key, file.Build));
        var tag = new EntityTagHeaderValue($"\"{stored.Hash}\"");
        context.Response.Headers.CacheControl = CacheControl;
        if (context.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } asked && asked.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(tag, useStrongComparison: false)))
        {
            context.Response.Headers.ETag = tag.ToString();
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        // A newer source stored at this moment deletes this one's row: then these bytes are built again, not stored.
        var content = stored.Content ?? await db.PublishedFiles.Where(f => f.Id == stored.Id).Select(f => f.Content).SingleOrDefaultAsync()
            ?? (await file.Build()).Content;
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
            .Select(f => new StoredFile(f.Id, f.Hash, f.ContentType, f.FileName, null)).SingleOrDefaultAsync();

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
        return new StoredFile(row.Id, row.Hash, row.ContentType, row.FileName, row.Content);
    }
}

/// <summary>A stored file's key: its round, its name in the round, and the source it was built from.</summary>
public sealed record FileKey(int RoundId, string Name, string Source);

/// <summary>A stored file without its bytes (<see cref="Content"/> is set only right after it was built).</summary>
public sealed record StoredFile(long Id, string Hash, string ContentType, string FileName, byte[]? Content);

/// <summary>
/// Requests of one instance that find the same file missing wait for one build instead of each reading every ballot;
/// instances build side by side at worst, and the unique key keeps one row.
/// </summary>
public sealed class PublishedFileBuilds
{
    private readonly ConcurrentDictionary<FileKey, Lazy<Task<StoredFile>>> _running = new();

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
