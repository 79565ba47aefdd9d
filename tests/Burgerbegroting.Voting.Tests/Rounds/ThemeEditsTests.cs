namespace Burgerbegroting.Voting.Tests.Rounds;

/// <summary>Candidate themes change freely until round 1 opens; after that only their texts.</summary>
public sealed class ThemeEditsTests
{
    [Fact]
    public void Before_round_one_a_theme_is_added_and_renamed()
    {
        Assert.Empty(ThemeEdits.CheckSave(settingsLocked: false, currentName: null, "Groen", ["Verkeer"]));
        Assert.Empty(ThemeEdits.CheckSave(settingsLocked: false, currentName: "Groen", "Groen en spelen", ["Verkeer"]));
    }

    [Fact]
    public void After_round_one_opened_no_theme_is_added_and_no_name_changes()
    {
        Assert.Equal([ThemeEditError.LockedName], ThemeEdits.CheckSave(settingsLocked: true, currentName: null, "Nieuw", []));
        Assert.Equal([ThemeEditError.LockedName], ThemeEdits.CheckSave(settingsLocked: true, currentName: "Groen", "groen", []));
        Assert.False(ThemeEdits.CanRemove(settingsLocked: true));
    }

    [Fact]
    public void After_round_one_opened_the_texts_of_a_theme_are_still_corrected() =>
        Assert.Empty(ThemeEdits.CheckSave(settingsLocked: true, currentName: "Groen", "Groen", ["Verkeer"]));

    [Fact]
    public void Two_themes_of_an_edition_do_not_share_a_name_whatever_its_case() =>
        Assert.Equal([ThemeEditError.DuplicateName], ThemeEdits.CheckSave(settingsLocked: false, currentName: null, "VERKEER", ["Groen", "Verkeer"]));
}
