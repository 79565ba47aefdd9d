using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Burgerbegroting.Voting;

namespace Burgerbegroting.Bench.Ballots;

/// <summary>A ballot as the form sends it: (theme or idea id, value), values of 0 left out, in id order.</summary>
public sealed record FormBallot(IReadOnlyList<(int Id, int Value)> Lines)
{
    public string Canonical => string.Join(',', Lines.Where(l => l.Value != 0).OrderBy(l => l.Id).Select(l => $"{l.Id}:{l.Value}"));

    public IEnumerable<KeyValuePair<string, string>> Fields(RoundKind round) => round == RoundKind.BudgetSplit
        ? Lines.Select(l => new KeyValuePair<string, string>($"Shares[{l.Id}]", l.Value.ToString(CultureInfo.InvariantCulture)))
        : Lines.Select(l => new KeyValuePair<string, string>("Chosen", l.Id.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A valid ballot of the open round, at random: 1..K themes; a split of 100%; ideas that fit each theme's budget.</summary>
    public static FormBallot Random(BallotOptions options, Random random)
    {
        switch (options.Round)
        {
            case RoundKind.ThemeChoice:
                var count = random.Next(1, Math.Min(options.MaxThemes, options.ThemeIds.Count) + 1);
                return new([.. options.ThemeIds.OrderBy(_ => random.Next()).Take(count).Select(id => (id, 1))]);
            case RoundKind.BudgetSplit:
                var shares = new int[options.ThemeIds.Count];
                var left = 100;
                for (var i = 0; i < shares.Length - 1; i++)
                {
                    shares[i] = random.Next(0, left + 1);
                    left -= shares[i];
                }

                shares[^1] = left;
                random.Shuffle(shares);
                return new([.. options.ThemeIds.Select((id, i) => (id, shares[i]))]);
            default:
                var chosen = new List<(int, int)>();
                foreach (var (theme, budget) in options.Budgets)
                {
                    long used = 0;
                    foreach (var idea in options.Ideas.Where(i => i.ThemeId == theme).OrderBy(_ => random.Next()).Take(random.Next(1, 5)))
                    {
                        if (used + idea.Cost <= budget)
                        {
                            used += idea.Cost;
                            chosen.Add((idea.Id, 1));
                        }
                    }
                }

                return chosen.Count > 0 ? new(chosen) : Random(options, random);
        }
    }

    /// <summary>The ballot the page shows as stored: ticked boxes, or the shares typed in.</summary>
    public static FormBallot FromPage(IHtmlDocument page, RoundKind round)
    {
        var inputs = page.QuerySelectorAll(round == RoundKind.BudgetSplit ? "main form input[name^='Shares[']" : "main form input[name='Chosen']").OfType<IHtmlInputElement>();
        return new([.. round == RoundKind.BudgetSplit
            ? inputs.Select(i => (ShareTheme(i.Name!), int.TryParse(i.Value, CultureInfo.InvariantCulture, out var v) ? v : 0))
            : inputs.Where(i => i.IsChecked).Select(i => (int.Parse(i.Value, CultureInfo.InvariantCulture), 1))]);
    }

    /// <summary>"Shares[12]" → 12.</summary>
    private static int ShareTheme(string name) => int.Parse(name.AsSpan("Shares[".Length, name.Length - "Shares[".Length - 1), CultureInfo.InvariantCulture);
}

/// <summary>How one ballot POST ended: 302 back to the page is the acknowledgement, anything else is not.</summary>
public readonly record struct Saved(bool Acknowledged, int Status);

/// <summary>
/// One voter with a browser of their own (cookies, connection): a resident signed in with an account, or a letter holder
/// who types the code before each ballot (a code session ends with the saved ballot). Their requests are sequential, so
/// "the last acknowledged ballot" is well defined.
/// </summary>
public sealed class BenchVoter(string? email, string? code, BallotOptions options) : IDisposable
{
    private readonly Client _client = new(IPAddress.Loopback, TimeSpan.FromSeconds(120));
    private string? _token;

    public string Name { get; } = email ?? code!;
    public bool ByCode => code is not null;
    public FormBallot? LastAcknowledged { get; private set; }
    public int Acknowledged { get; private set; }

    public static string BallotPath(RoundKind round) => round switch
    {
        RoundKind.ThemeChoice => "stemmen/themas",
        RoundKind.BudgetSplit => "stemmen/verdeling",
        _ => "selectie",
    };

    /// <summary>Signs in (accounts) and reads the form's antiforgery token once.</summary>
    public async Task PrepareAsync(Uri site)
    {
        if (email is not null && await _client.SignInAsync(site, email, BenchSeeder.Password) != HttpStatusCode.Redirect)
        {
            throw new DrillException($"{email}: sign-in answered other than 302");
        }

        var page = await _client.PageAsync(new Uri(site, code is null ? BallotPath(options.Round) : "stemmen/code"));
        _token = page.QuerySelector("main form input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new DrillException($"{Name}: no form to vote with: {Client.Text(page)}");
    }

    /// <summary>One ballot: for a code, typing the code first (both requests are the one ballot's cost).</summary>
    public async Task<Saved> VoteAsync(Uri site, FormBallot ballot)
    {
        if (code is not null)
        {
            using var typed = await _client.PostAsync(new Uri(site, "stemmen/code"), [new("__RequestVerificationToken", _token!), new("Code", code)]);
            if (typed.StatusCode != HttpStatusCode.Redirect)
            {
                return new(false, (int)typed.StatusCode);
            }
        }

        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", _token!) };
        fields.AddRange(ballot.Fields(options.Round));
        using var response = await _client.PostAsync(new Uri(site, BallotPath(options.Round)), fields);
        var back = code is null ? BallotPath(options.Round) : "stemmen/code";
        var acknowledged = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains(back, StringComparison.Ordinal) == true;
        if (acknowledged)
        {
            (LastAcknowledged, Acknowledged) = (ballot, Acknowledged + 1);
        }

        return new(acknowledged, (int)response.StatusCode);
    }

    /// <summary>The ballot the app shows this voter now (a code is typed again to see it).</summary>
    public async Task<FormBallot?> StoredAsync(Uri site)
    {
        if (code is not null)
        {
            using var typed = await _client.PostAsync(new Uri(site, "stemmen/code"), [new("__RequestVerificationToken", _token!), new("Code", code)]);
        }

        var page = await _client.PageAsync(new Uri(site, BallotPath(options.Round)));
        var stored = FormBallot.FromPage(page, options.Round);
        return stored.Canonical.Length == 0 ? null : stored;
    }

    public void Dispose() => _client.Dispose();
}
