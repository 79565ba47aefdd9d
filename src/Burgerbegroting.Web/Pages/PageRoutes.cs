namespace Burgerbegroting.Web.Pages;

/// <summary>
/// The route table: every page once, by its page name (its English folder and file) and its Dutch URL. Pages carry a
/// bare <c>@page</c>; <see cref="Infrastructure.RouteTableConvention"/> gives each the URL written here and no other,
/// and stops the app at startup when a page has no entry or an entry has no page. Links name pages by these
/// constants (asp-page, RedirectToPage, Links.Page), so renaming one breaks the build rather than a link.
/// </summary>
public static class PageRoutes
{
    public const string Home = "/Index";
    public const string Error = "/Error";
    public const string SiteStatus = "/Status";
    public const string ThemeDetails = "/Themes/Details";

    public const string Ideas = "/Ideas/Index";
    public const string IdeaDetails = "/Ideas/Details";
    public const string NewIdea = "/Ideas/New";
    public const string EditIdea = "/Ideas/Edit";
    public const string MyIdeas = "/Ideas/Mine";

    public const string VoteThemes = "/Voting/Themes";
    public const string VoteBudget = "/Voting/Budget";
    public const string VoteSelection = "/Voting/Selection";
    public const string VoteCode = "/Voting/Code";
    public const string RoundResults = "/Results/Round";
    public const string SelectionResults = "/Results/Selection";
    public const string IdeaResults = "/Results/Ideas";
    public const string EditionReport = "/Results/Report";
    public const string ResultsOverview = "/Results/Index";
    public const string Archive = "/Results/Archive";

    public const string Login = "/Account/Login";
    public const string Logout = "/Account/Logout";
    public const string Register = "/Account/Register";
    public const string CheckEmail = "/Account/CheckEmail";
    public const string ConfirmEmail = "/Account/ConfirmEmail";
    public const string ForgotPassword = "/Account/ForgotPassword";
    public const string ResetPassword = "/Account/ResetPassword";
    public const string Profile = "/Account/Profile";
    public const string AccessDenied = "/Account/AccessDenied";
    public const string MyData = "/Account/Data";
    public const string DeleteAccount = "/Account/Delete";
    public const string PrivacyStatement = "/Privacy/Statement";
    public const string AccessibilityStatement = "/Privacy/Accessibility";
    public const string Unsubscribe = "/Email/Unsubscribe";

    /// <summary>Staff pages, authorized as a folder; the staff accounts page only for beheerders.</summary>
    public const string AdminFolder = "/Admin";
    public const string StaffAccountsFolder = "/Admin/StaffAccounts";
    public const string Admin = "/Admin/Index";
    public const string AdminEditions = "/Admin/Editions/Index";
    public const string AdminEdition = "/Admin/Editions/Edit";
    public const string AdminEditionBuurten = "/Admin/Editions/Buurten";
    public const string AdminEditionThemes = "/Admin/Editions/Themes";
    public const string AdminEditionRounds = "/Admin/Editions/Rounds";
    public const string AdminEditionMakeCurrent = "/Admin/Editions/MakeCurrent";
    public const string AdminRoundAction = "/Admin/Editions/RoundAction";
    public const string AdminParticipation = "/Admin/Editions/Participation";
    public const string AdminStemcodes = "/Admin/Stemcodes/Index";
    public const string AdminStemcodeBatch = "/Admin/Stemcodes/Batch";
    public const string AdminStemcodeSearch = "/Admin/Stemcodes/Search";
    public const string AdminEvents = "/Admin/Events/Index";
    public const string AdminEvent = "/Admin/Events/Event";
    public const string AdminEventTablet = "/Admin/Events/Tablet";
    public const string AdminPaperForms = "/Admin/Events/Forms";

    public const string AdminIdeas = "/Admin/Ideas/Index";
    public const string AdminIdeaReview = "/Admin/Ideas/Review";
    public const string AdminReports = "/Admin/Ideas/Reports";
    public const string AdminNetworks = "/Admin/Networks/Index";
    public const string AdminEmail = "/Admin/Email/Index";
    public const string AdminAudit = "/Admin/Audit/Index";
    public const string AdminStaffAccounts = "/Admin/StaffAccounts/Index";
    public const string AdminEventEntry = "/Admin/Events/Entry";
    public const string AdminEventDisputes = "/Admin/Events/Disputes";
    public const string AdminRetention = "/Admin/Privacy/Retention";

    /// <summary>Page name → URL template: the only place a page's URL is written.</summary>
    public static IReadOnlyDictionary<string, string> Templates { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        { Home, "/" },
        { Error, "/fout" },
        { SiteStatus, "/status" },
        { ThemeDetails, "/themas/{id:int}" },
        { Ideas, "/ideeen" },
        { IdeaDetails, "/ideeen/{id:int}" },
        { NewIdea, "/ideeen/nieuw" },
        { EditIdea, "/ideeen/{id:int}/bewerken" },
        { MyIdeas, "/ideeen/mijn" },
        { VoteThemes, "/stemmen/themas" },
        { VoteBudget, "/stemmen/verdeling" },
        { VoteSelection, "/selectie" },
        { VoteCode, "/stemmen/code" },
        { ResultsOverview, EditionPrefix + "/uitslag" },
        { RoundResults, EditionPrefix + "/uitslag/{number:int:range(1,2)}" },
        { SelectionResults, EditionPrefix + "/uitslag/4" },
        { IdeaResults, EditionPrefix + "/uitslag/3" },
        { EditionReport, EditionPrefix + "/uitslag/verslag" },
        { Archive, "/archief" },
        { Login, "/account/inloggen" },
        { Logout, "/account/uitloggen" },
        { Register, "/account/registreren" },
        { CheckEmail, "/account/registreren/controleer-je-email" },
        { ConfirmEmail, "/account/bevestigen" },
        { ForgotPassword, "/account/wachtwoord-vergeten" },
        { ResetPassword, "/account/wachtwoord-instellen" },
        { Profile, "/account/profiel" },
        { AccessDenied, "/account/geen-toegang" },
        { MyData, "/account/gegevens" },
        { DeleteAccount, "/account/verwijderen" },
        { PrivacyStatement, "/privacy" },
        { AccessibilityStatement, "/toegankelijkheid" },
        { Unsubscribe, "/email/afmelden" },
        { Admin, "/beheer" },
        { AdminEditions, "/beheer/edities" },
        { AdminEdition, "/beheer/edities/{id:int}" },
        { AdminEditionBuurten, "/beheer/edities/{id:int}/buurten" },
        { AdminEditionThemes, "/beheer/edities/{id:int}/themas" },
        { AdminEditionRounds, "/beheer/edities/{id:int}/rondes" },
        { AdminEditionMakeCurrent, "/beheer/edities/{id:int}/huidig" },
        { AdminRoundAction, "/beheer/edities/{id:int}/rondes/{roundId:int}/{step}" },
        { AdminParticipation, "/beheer/edities/{id:int}/deelname" },
        { AdminStemcodes, "/beheer/edities/{id:int}/stemcodes" },
        { AdminStemcodeBatch, "/beheer/edities/{id:int}/stemcodes/reeks/{batch:int}" },
        { AdminStemcodeSearch, "/beheer/edities/{id:int}/stemcodes/zoeken" },
        { AdminEvents, "/beheer/edities/{id:int}/bijeenkomsten" },
        { AdminEvent, "/beheer/bijeenkomsten/{eventId:int}" },
        { AdminEventTablet, "/beheer/bijeenkomsten/{eventId:int}/tablet" },
        { AdminPaperForms, "/beheer/edities/{id:int}/stembiljetten" },
        { AdminIdeas, "/beheer/ideeen" },
        { AdminIdeaReview, "/beheer/ideeen/{id:int}" },
        { AdminReports, "/beheer/meldingen" },
        { AdminNetworks, "/beheer/buurtnetwerken" },
        { AdminEmail, "/beheer/email" },
        { AdminAudit, "/beheer/audit" },
        { AdminStaffAccounts, "/beheer/medewerkers" },
        { AdminEventEntry, "/beheer/bijeenkomsten/{eventId:int}/invoer" },
        { AdminEventDisputes, "/beheer/bijeenkomsten/{eventId:int}/geschillen" },
        { AdminRetention, "/beheer/privacy" },
    };

    /// <summary>Endpoints that are not pages: the language switch, the health report, the open data, figures and report files (and their route names, for asp-route).</summary>
    public const string LanguageSwitch = "/taal";
    public const string Health = "/health";
    public const string BallotsFile = EditionPrefix + "/uitslag/{round:int}/ballots.pb";
    public const string ResultsFile = EditionPrefix + "/uitslag/{round:int}/results.csv";
    public const string BallotListFile = EditionPrefix + "/uitslag/{round:int}/stembiljetten.csv";
    public const string ParticipationFile = EditionPrefix + "/uitslag/{round:int}/deelname/{table}.csv";
    public const string StaffParticipationFile = "/beheer/edities/{id:int}/deelname/{round:int}/{table}.csv";
    public const string EditionReportFile = EditionPrefix + "/uitslag/verslag.pdf";

    /// <summary>
    /// Results and open data of every edition live under the edition's own address (Edition.Slug: /2026/uitslag/4), so
    /// they stay where they are when next year's edition becomes current. The old addresses without an edition
    /// (/uitslag/...) redirect to the current edition's (EditionAddresses).
    /// </summary>
    public const string EditionPrefix = "/{edition:regex(^[0-9][a-z0-9-]*$)}";
    public const string UnscopedResults = "/uitslag/{**rest}";
    public const string BallotsFileRoute = "ballots-file";
    public const string ResultsFileRoute = "results-file";
    public const string BallotListFileRoute = "ballot-list-file";
    public const string ParticipationFileRoute = "participation-file";
    public const string StaffParticipationFileRoute = "staff-participation-file";
    public const string EditionReportFileRoute = "edition-report-file";

    /// <summary>The URL of a page without route parameters, for settings that take a path rather than a page.</summary>
    public static string PathOf(string page) =>
        Templates.TryGetValue(page, out var template) && !template.Contains('{', StringComparison.Ordinal)
            ? template
            : throw new ArgumentException($"{page} is not a page without route parameters.", nameof(page));
}
