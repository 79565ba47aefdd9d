using Burgerbegroting.Browser.Tests.Infrastructure;

namespace Burgerbegroting.Browser.Tests;

/// <summary>
/// One edition of the Maastricht citizens' budget from an empty database to published winners, in Dutch, everything
/// through the browser and the mail that really arrives: staff, three residents and a buurtnetwerk, each in a browser
/// of their own. It also holds the browser lines of two issues: issue 4 (a buurtnetwerk submits an idea with the live
/// preview, staff admit it, the submitter's mail arrives: <see cref="WholeEdition.NetworkSubmitsIdeasWithTheLivePreviewAsync"/>
/// and <see cref="WholeEdition.StaffReviewTheIdeasAsync"/>) and issue 5 (a resident votes in two themes watching the budget
/// bar, staff publish, the resident reads why an idea lost: <see cref="WholeEdition.ResidentsChooseIdeasWatchingTheBudgetBarAsync"/>
/// and <see cref="WholeEdition.AnnaReadsWhyHerIdeaLostAsync"/>).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EditionJourneyTests(BrowserApp browser)
{
    [Fact(Timeout = 300_000)]
    public Task A_whole_edition_from_nothing_to_published_winners() => browser.RunOnOwnAppAsync(async journey =>
    {
        var edition = await WholeEdition.StartAsync(journey);

        // Before round 1: the edition, its area and six candidate themes.
        await edition.StaffCreateTheEditionAsync();
        await edition.StaffEnterTheBuurtenAsync();
        await edition.StaffAddSixThemesAndOpenRoundOneAsync();

        // Round 1: three residents register, confirm by mail and choose themes; two tie for the last place.
        await edition.ResidentsRegisterAndConfirmByMailAsync();
        await edition.ResidentsChooseThemesWithATieAtTheCutOffAsync();
        await edition.StaffCloseRoundOneResolveTheTieAndPublishAsync();

        // Round 2: the residents divide the budget; the published budgets add up to the total.
        await edition.ResidentsSplitTheBudgetAsync();
        await edition.StaffCloseAndPublishRoundTwoAsync();

        // Round 3: a buurtnetwerk joins and submits ideas, residents too; staff admit and refuse, the mails arrive.
        await edition.NetworkRegistersAndIsApprovedAsync();
        await edition.NetworkSubmitsIdeasWithTheLivePreviewAsync();
        await edition.ResidentsSubmitIdeasAsync();
        await edition.StaffReviewTheIdeasAsync();
        await edition.StaffCloseAndPublishRoundThreeAsync();

        // Round 4: residents choose ideas within each theme's budget; staff publish; why each idea won or lost.
        await edition.ResidentsChooseIdeasWatchingTheBudgetBarAsync();
        await edition.StaffCloseAndPublishRoundFourAsync();
        await edition.AnnaReadsWhyHerIdeaLostAsync();
        await edition.AnnaDownloadsTheOpenDataAsync();
    });
}
