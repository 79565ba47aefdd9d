using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Burgerbegroting.Bench.Instances;

public enum Outcome
{
    /// <summary>302 after the save: the app said the ballot counts.</summary>
    Acknowledged,

    /// <summary>409: the round closed meanwhile.</summary>
    Closed,

    /// <summary>429: the rate limit.</summary>
    Limited,

    /// <summary>No answer from the app (502 from the proxy, a dropped connection, a timeout) or another status: not acknowledged.</summary>
    Failed,
}

public sealed record Attempt(int[] Shares, Outcome Outcome, int Status, string? Upstream, DateTime At, double Milliseconds);

/// <summary>A resident with an account, voting in round 2 (a split of 100% over the chosen themes) from an address of their own.</summary>
public sealed partial class Voter(string email, IPAddress address, IReadOnlyList<int> themeIds) : IDisposable
{
    private string? _token;
    private (int[]? Shares, DateTime At)? _verified;

    public string Email { get; } = email;
    public Client Client { get; } = new(address);
    public string? ReceiptCode { get; private set; }
    public List<Attempt> Attempts { get; } = [];

    public Attempt? LastAcknowledged => Attempts.LastOrDefault(a => a.Outcome == Outcome.Acknowledged);

    /// <summary>Ballots that may be stored: the last acknowledged one, and any later one that got no answer (it may have been saved just before the instance died).</summary>
    public IReadOnlyList<int[]> PossiblyStored()
    {
        var last = Attempts.FindLastIndex(a => a.Outcome == Outcome.Acknowledged);
        var possible = new List<int[]>();
        if (last >= 0)
        {
            possible.Add(Attempts[last].Shares);
        }

        possible.AddRange(Attempts.Skip(last + 1).Where(a => a.Outcome == Outcome.Failed).Select(a => a.Shares));
        return possible;
    }

    /// <summary>The ballot read back (after the kill): from then on it is what the voter has, until a later acknowledged one.</summary>
    public void Verify(int[]? stored) => _verified = (stored, DateTime.UtcNow);

    /// <summary>What must be counted for this voter: the last acknowledged ballot, or the one read back if nothing was acknowledged since.</summary>
    public int[]? Expected() =>
        Attempts.LastOrDefault(a => a.Outcome == Outcome.Acknowledged && a.At > (_verified?.At ?? DateTime.MinValue))?.Shares
        ?? (_verified is { } verified ? verified.Shares : LastAcknowledged?.Shares);

    public async Task SignInAsync(Uri site)
    {
        var status = await Client.SignInAsync(site, Email, Seeder.Password);
        if (status != HttpStatusCode.Redirect)
        {
            throw new DrillException($"{Email}: sign-in through {site} answered {(int)status}");
        }

        _token = null;
    }

    /// <summary>The ballot page's antiforgery token (bound to this sign-in), read once from the page at <paramref name="site"/>.</summary>
    public async Task LoadFormAsync(Uri site)
    {
        var page = await Client.PageAsync(new Uri(site, "stemmen/verdeling"));
        _token = page.QuerySelector("main form input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new DrillException($"{Email}: no ballot form at {site}: {Client.Text(page)}");
    }

    public int[] RandomSplit(Random random)
    {
        var shares = new int[themeIds.Count];
        var left = 100;
        for (var i = 0; i < shares.Length - 1; i++)
        {
            shares[i] = random.Next(0, left + 1);
            left -= shares[i];
        }

        shares[^1] = left;
        random.Shuffle(shares);
        return shares;
    }

    /// <summary>Posts a ballot to <paramref name="site"/> and records what came back; on the first acknowledgement reads the receipt code from the page it redirects to.</summary>
    public async Task<Attempt> VoteAsync(Uri site, int[] shares, Uri? readBackAt = null)
    {
        if (_token is null)
        {
            await LoadFormAsync(site);
        }

        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", _token!) };
        fields.AddRange(themeIds.Select((id, i) => new KeyValuePair<string, string>($"Shares[{id}]", shares[i].ToString(CultureInfo.InvariantCulture))));
        Attempt attempt;
        string? location = null;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            using var response = await Client.PostAsync(new Uri(site, "stemmen/verdeling"), fields);
            var status = (int)response.StatusCode;
            var upstream = response.Headers.TryGetValues("X-Drill-Upstream", out var values) ? values.First() : site.Authority;
            var outcome = status switch
            {
                302 when response.Headers.Location?.OriginalString.Contains("/stemmen/verdeling", StringComparison.Ordinal) == true => Outcome.Acknowledged,
                409 => Outcome.Closed,
                429 => Outcome.Limited,
                _ => Outcome.Failed,
            };
            location = response.Headers.Location?.OriginalString;
            attempt = new Attempt(shares, outcome, status, upstream, DateTime.UtcNow, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            attempt = new Attempt(shares, Outcome.Failed, 0, null, DateTime.UtcNow, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        Attempts.Add(attempt);

        if (attempt.Outcome == Outcome.Acknowledged && ReceiptCode is null && location is not null)
        {
            await ReadReceiptAsync(new Uri(readBackAt ?? site, location));
        }

        return attempt;
    }

    /// <summary>The page after the save says "Uw ontvangstcode is XXXX-XXXX" (kept in TempData: a cookie the other instance must be able to read).</summary>
    private async Task ReadReceiptAsync(Uri page)
    {
        try
        {
            var text = Client.Text(await Client.PageAsync(page));
            var match = ReceiptPattern().Match(text);
            ReceiptCode = match.Success ? match.Groups[1].Value : throw new DrillException($"{Email}: no receipt code after the save: {text}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException || e is DrillException && e.Message.StartsWith("GET", StringComparison.Ordinal))
        {
            // The instance died after acknowledging (or the page failed): the code is read later from the ballot page.
        }
    }

    /// <summary>The ballot as the ballot page shows it to this voter (read through <paramref name="site"/>), in theme order; null if none.</summary>
    public async Task<(int[]? Shares, string? Receipt)> StoredAsync(Uri site)
    {
        var page = await Client.PageAsync(new Uri(site, "stemmen/verdeling"));
        var values = themeIds.Select(id => page.QuerySelector($"input[name='Shares[{id}]']")?.GetAttribute("value")).ToList();
        var receipt = page.QuerySelector(".bb-receipt-code")?.TextContent.Trim();
        return (values.All(v => !string.IsNullOrEmpty(v)) ? [.. values.Select(v => int.Parse(v!, CultureInfo.InvariantCulture))] : null, receipt);
    }

    public void SetReceipt(string code) => ReceiptCode ??= code;

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("ontvangstcode is ([A-Z2-9]{4}-[A-Z2-9]{4})")]
    private static partial Regex ReceiptPattern();
}
