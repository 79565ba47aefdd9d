namespace Burgerbegroting.Voting;

/// <summary>What is wrong with a change to the candidate themes.</summary>
public enum ThemeEditError
{
    /// <summary>Round 1 has opened: no theme is added, and a theme keeps the name residents voted on.</summary>
    LockedName,

    /// <summary>Another theme of the edition has this name (case does not count).</summary>
    DuplicateName,
}

/// <summary>
/// Candidate themes of round 1: added, renamed and removed until round 1 opens; after that only the texts of an
/// existing theme are corrected. Names are unique within an edition.
/// </summary>
public static class ThemeEdits
{
    public static bool CanAdd(bool settingsLocked) => !settingsLocked;

    public static bool CanRemove(bool settingsLocked) => !settingsLocked;

    /// <summary>Checks a save: <paramref name="currentName"/> null adds a theme; <paramref name="otherNames"/> are the edition's other themes.</summary>
    public static IReadOnlyList<ThemeEditError> CheckSave(bool settingsLocked, string? currentName, string name, IEnumerable<string> otherNames)
    {
        ArgumentNullException.ThrowIfNull(otherNames);
        var errors = new List<ThemeEditError>();
        if (currentName is null ? !CanAdd(settingsLocked) : settingsLocked && currentName != name)
        {
            errors.Add(ThemeEditError.LockedName);
        }

        if (otherNames.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(ThemeEditError.DuplicateName);
        }

        return errors;
    }
}
