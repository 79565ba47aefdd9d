namespace Burgerbegroting.Voting.Participation;

/// <summary>An age band of the participation figures: from <see cref="From"/> to <see cref="To"/> years, or open-ended.</summary>
public sealed record AgeBand(int From, int? To)
{
    /// <summary>"16–24", "75+".</summary>
    public string Label => To is null ? $"{From}+" : $"{From}–{To}";
}

/// <summary>
/// The age bands the council asks for: the edition's minimum age to 24, then ten-year bands, then 75 and older.
/// Ages count from the birth year only (we ask no birth date), in the year the round opened.
/// </summary>
public static class AgeBands
{
    private static readonly int[] Starts = [25, 35, 45, 55, 65, 75];

    /// <summary>The bands in order, the first starting at the minimum age (16 unless the edition says otherwise).</summary>
    public static IReadOnlyList<AgeBand> For(int minimumAge)
    {
        var first = Math.Clamp(minimumAge, 0, 24);
        var bands = new List<AgeBand> { new(first, 24) };
        for (var i = 0; i < Starts.Length; i++)
        {
            bands.Add(new AgeBand(Starts[i], i + 1 < Starts.Length ? Starts[i + 1] - 1 : null));
        }

        return bands;
    }

    /// <summary>The band of someone born in <paramref name="birthYear"/>, in <paramref name="year"/>; null when unknown or implausible.</summary>
    public static AgeBand? Of(IReadOnlyList<AgeBand> bands, int? birthYear, int year)
    {
        if (birthYear is not { } born || born > year || year - born > 130)
        {
            return null;
        }

        var age = year - born;
        return age < bands[0].From ? bands[0] : bands.Last(b => b.From <= age);
    }
}
