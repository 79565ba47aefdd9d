using System.Globalization;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Infrastructure.Localization;
using Burgerbegroting.Web.Pages;
using Burgerbegroting.Web.Selection;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Participation;

/// <summary>
/// Writes the <see cref="EditionReport"/> as text in the request's language: the timeline, per published round its
/// outcome and who took part (small groups suppressed, through <see cref="ParticipationTables"/>), staff's decisions,
/// and how to re-check the result. Links are paths on this site.
/// </summary>
public sealed class ReportWriter(IStringLocalizer<SharedResource> l, LinkGenerator links)
{
    private readonly ParticipationTables _figures = new(l, forPublic: true);

    /// <summary>The edition being written: its address is part of every link.</summary>
    private Edition _edition = null!;

    public ReportDocument Write(EditionReport report)
    {
        var edition = report.Edition;
        _edition = edition;
        var sections = new List<ReportSection> { Timeline(report) };
        if (report.ThemeChoice is { } one)
        {
            sections.Add(ThemeChoice(report, one));
        }

        if (report.Budget is { } two)
        {
            sections.Add(Budget(report, two));
        }

        if (report.Ideas is { } three)
        {
            sections.Add(Ideas(three));
        }

        if (report.Selection is { } four)
        {
            sections.Add(Selection(report, four));
        }

        sections.Add(Decisions(report));
        sections.Add(Recheck(report));
        var name = $"{FileNames.Slug(edition.DisplayName)}_{l["Report.FileName"]}.pdf";
        return new ReportDocument(l["Report.Title", edition.DisplayName], l["Report.Lead", edition.DisplayName], sections, name);
    }

    // ---- The edition and its rounds ------------------------------------------------------------------------------

    private ReportSection Timeline(EditionReport report)
    {
        var edition = report.Edition;
        var rows = edition.Rounds.OrderBy(r => r.Number).Select(r => new FigureLine(RoundName(r), [Text(Date(r.OpenedAt)), Text(Date(r.ClosedAt)), Text(Date(r.PublishedAt))]));
        var table = new FigureTable("verloop", l["Report.TimelineTable"], l["Report.TimelineCaption"], new(l["Report.Round"], "round", Numeric: false),
            [new(l["Report.Opened"], "opened", false), new(l["Report.Closed"], "closed", false), new(l["Report.Published"], "published", false)], [.. rows], null);
        var roll = l[edition.UsesStemcodes ? "Report.Roll.Stemcodes" : "Report.Roll.Accounts"];
        return new ReportSection("verloop", l["Report.Timeline"],
        [
            new ReportParagraph(l["Report.Facts", Euros.Format(edition.TotalBudget), edition.Buurten.Count, edition.MinimumAge, roll]),
            new ReportTable("verloop-rondes", table),
            new ReportParagraph(l["Report.OnlyPublished"]),
            new ReportParagraph(l["Participation.PeopleNote"]),
            new ReportParagraph(l["Participation.SmallGroupsNote", Voting.Participation.SmallGroups.Threshold]),
        ]);
    }

    private ReportSection ThemeChoice(EditionReport report, ThemeChoiceReport one)
    {
        var rows = one.Themes.Select(t => new FigureLine(t.Theme, [Number(t.Votes), Text(l["Outcome." + t.Outcome])]));
        var table = new FigureTable("themas", l["Report.VotesPerTheme"], l["Results.TableCaption", l[RoundPages.Of(RoundKind.ThemeChoice).NameKey]],
            new(l["Results.Theme"], "theme", false), [new(l["Results.Votes"], "votes"), new(l["Results.Outcome"], "outcome", false)], [.. rows], null);
        List<ReportBlock> blocks =
        [
            new ReportParagraph($"{l.Count("Results.Ballots", one.Round.BallotCount, one.Round.BallotCount)} {l["Results.Round1Explained", report.Edition.ThemesToSelect]}"),
            new ReportTable(Id(one.Round, "themas"), table, Chart: true),
        ];
        if (!string.IsNullOrEmpty(one.Round.TieResolution))
        {
            blocks.Add(new ReportParagraph(l["Results.TieResolved", one.Round.TieResolution]));
        }

        return RoundSection(one.Round, blocks, Participation(one.Round, _figures.Round(one.Figures)));
    }

    private ReportSection Budget(EditionReport report, BudgetReport two)
    {
        var ballots = two.Round.BallotCount;
        var rows = two.Themes.Select(t => new FigureLine(t.Theme, [Share(t.PercentageSum, ballots), Money(t.Budget)]));
        var table = new FigureTable("geld", l["Report.MoneyPerTheme"], l["Results.TableCaption", l[RoundPages.Of(RoundKind.BudgetSplit).NameKey]],
            new(l["Results.Theme"], "theme", false), [new(l["Results.MeanShare"], "mean_share"), new(l["Results.Budget"], "budget")], [.. rows],
            new FigureLine(l["Results.Total"], [Text("100%"), Money(two.Themes.Sum(t => t.Budget))]), ChartColumn: 1);
        return RoundSection(two.Round,
        [
            new ReportParagraph($"{l.Count("Results.Ballots", ballots, ballots)} {l["Results.Round2Explained", Euros.Format(report.Edition.TotalBudget)]}"),
            new ReportTable(Id(two.Round, "geld"), table, Chart: true),
        ], Participation(two.Round, _figures.Round(two.Figures)));
    }

    private ReportSection Ideas(IdeasReport three)
    {
        var total = three.Figures.Total;
        var summary = l.Count("Results3.Summary", total.Total, total.Total, total.Admitted, total.NotAdmitted, total.Pending);
        var submitters = l["Participation.Submitters", _figures.People(three.Figures.Residents).Text, _figures.People(three.Figures.Networks).Text];
        var tables = _figures.Ideas(three.Figures);
        return RoundSection(three.Round, [new ReportParagraph($"{summary} {submitters}")],
            new ReportSection(Id(three.Round, "cijfers"), l["Results3.Figures"], [.. tables.Select(t => FigureBlock(three.Round, t))]));
    }

    private ReportSection Selection(EditionReport report, SelectionReport four)
    {
        var rule = l[report.Edition.OutcomeRule == OutcomeRuleKind.Greedy ? "Results4.Greedy" : "Results4.EqualShares"];
        var money = four.Themes.Select(t => new FigureLine(t.Theme, [Money(t.Budget), Money(t.Spent), Money(t.Budget - t.Spent), Number(t.Winners.Count)]));
        var table = new FigureTable("geld", l["Report.MoneyPerTheme"], l["Report.SelectionMoneyCaption"], new(l["Results.Theme"], "theme", false),
            [new(l["Results.Budget"], "budget"), new(l["Report.Spent"], "spent"), new(l["Report.Left"], "left"), new(l["Report.Winners"], "winners")], [.. money],
            new FigureLine(l["Results.Total"], [Money(four.Themes.Sum(t => t.Budget)), Money(four.Themes.Sum(t => t.Spent)), Money(four.Themes.Sum(t => t.Budget - t.Spent)), Number(four.Themes.Sum(t => t.Winners.Count))]),
            ChartColumn: 1);
        var winners = new ReportSection(Id(four.Round, "winnaars"), l["Report.WinnersPerTheme"], [.. four.Themes.Select(t => Winners(four.Round, t))]);
        return RoundSection(four.Round,
        [
            new ReportParagraph($"{l.Count("Results.Ballots", four.Round.BallotCount, four.Round.BallotCount)} {rule} {l["Report.RuleName", l["OutcomeRule." + report.Edition.OutcomeRule]]} {l["Report.TieBreak"]}"),
            new ReportTable(Id(four.Round, "geld"), table),
        ], winners, Participation(four.Round, _figures.Round(four.Figures)));
    }

    private ReportTable Winners(Round round, ThemeWinners theme)
    {
        var rows = theme.Winners.Select(w => new FigureLine(w.Title, [Number(w.Votes), Money(w.Cost)]));
        var table = new FigureTable("thema-" + theme.ThemeId, theme.Theme, l["Report.WinnersCaption", theme.Theme],
            new(l["Results4.Idea"], "idea", false), [new(l["Results.Votes"], "votes"), new(l["Results4.Cost"], "cost")], [.. rows],
            new FigureLine(l["Results.Total"], [Text(""), Money(theme.Spent)]));
        var intro = l.Count("Results4.Money", theme.Winners.Count, Euros.Format(theme.Budget), Euros.Format(theme.Spent), Euros.Format(theme.Budget - theme.Spent), theme.Winners.Count);
        return new ReportTable(Id(round, "thema-" + theme.ThemeId), table, Intro: intro);
    }

    private ReportSection RoundSection(Round round, IReadOnlyList<ReportBlock> blocks, params ReportSection[] parts)
    {
        var page = RoundPages.Of(round.Kind);
        var link = new ReportLinks([new ReportLink(l["Report.ResultsPage", l[page.NameKey]], links.GetPathByPage(page.ResultsPage, handler: null, page.ResultsValues(_edition)) ?? "/")]);
        return new ReportSection(Id(round), RoundName(round), [.. blocks, link], parts);
    }

    private ReportSection Participation(Round round, IReadOnlyList<FigureTable> tables) =>
        new(Id(round, "deelname"), l["Participation.Title"], [.. tables.Select(t => FigureBlock(round, t))]);

    private ReportTable FigureBlock(Round round, FigureTable table) =>
        new(Id(round, table.Slug), table, Chart: true, CsvHref: links.GetPathByName(PageRoutes.ParticipationFileRoute, new { edition = _edition.Slug, round = round.Number, table = table.Slug }));

    // ---- Decisions and the re-check ------------------------------------------------------------------------------

    private ReportSection Decisions(EditionReport report)
    {
        var decisions = report.Decisions;
        var parts = new List<ReportSection>();
        AddPart(parts, "besluiten-gelijk", "Report.Ties", decisions.Where(d => d.Kind == DecisionKind.Tie)
            .Select(d => Dated(d, l["Report.Tie", d.Others ?? "", d.Subject]) + Note(d)));
        AddPart(parts, "besluiten-ideeen", "Report.NotAdmitted", decisions.Where(d => d.Kind == DecisionKind.IdeaNotAdmitted)
            .Select(d => Dated(d, l["Report.IdeaNotAdmitted", d.Subject, l["ReviewReason." + d.Reason]]) + Note(d)));
        AddPart(parts, "besluiten-verborgen", "Report.Hidden", decisions.Where(d => d.Kind == DecisionKind.IdeaHidden).Select(d => Dated(d, l["Report.IdeaHidden"])));
        AddPart(parts, "besluiten-papier", "Report.Sheets", decisions.Where(d => d.Kind == DecisionKind.SheetDecided).Select(Sheet));
        AddPart(parts, "besluiten-stemcodes", "Report.Stemcodes", decisions.Where(d => d.Kind == DecisionKind.StemcodeRevoked)
            .Select(d => Dated(d, l[d.Replaced ? "Report.StemcodeReplaced" : "Report.StemcodeRevoked"])));
        ReportBlock intro = new ReportParagraph(parts.Count == 0 ? l["Report.NoDecisions"] : l["Report.DecisionsIntro"]);
        return new ReportSection("besluiten", l["Report.Decisions"], [intro], parts);
    }

    private void AddPart(List<ReportSection> parts, string id, string key, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count > 0)
        {
            parts.Add(new ReportSection(id, l[key], [new ReportList(list)]));
        }
    }

    private string Sheet(StaffDecision d)
    {
        var outcome = d.Reason is null ? l["Report.SheetCounted"].Value : l["Report.SheetInvalid", l["SheetInvalidReason." + d.Reason]].Value;
        var round = d.Round is { } kind ? l[RoundPages.Of(kind).NameKey].Value : "";
        return Dated(d, l["Report.Sheet", d.Others ?? "", d.Subject, round, outcome]);
    }

    private string Dated(StaffDecision d, string text) => $"{Date(d.At)}: {text}";

    private string Note(StaffDecision d) => string.IsNullOrWhiteSpace(d.Note) ? "" : " " + l["Report.Note", d.Note.Trim()];

    private ReportSection Recheck(EditionReport report)
    {
        var edition = report.Edition;
        if (report.Selection is not { } four)
        {
            return new ReportSection("nacontrole", l["Report.Recheck"], [new ReportParagraph(l["Report.RecheckLater"]), new ReportParagraph(l["Report.RecheckFigures"])]);
        }

        var rule = SelectionElection.Rule(edition.OutcomeRule).Name;
        var files = new List<ReportLink> { new(l["Report.ResultsCsv"], links.GetPathByName(PageRoutes.ResultsFileRoute, new { edition = _edition.Slug, round = four.Round.Number }) ?? "/") };
        files.AddRange(four.Themes.Select(t => new ReportLink(l["Results4.Pabulib", t.Theme], links.GetPathByName(PageRoutes.BallotsFileRoute, new { edition = _edition.Slug, round = four.Round.Number, thema = t.ThemeId }) ?? "/")));
        return new ReportSection("nacontrole", l["Report.Recheck"],
        [
            new ReportParagraph(l["Report.RecheckIntro"]),
            new ReportLinks(files),
            new ReportList([l["Report.RecheckStep1"], l["Report.RecheckStep2"], l["Report.RecheckStep3"]], Numbered: true),
            new ReportCommand($"dotnet run --project src/Burgerbegroting.Tally -c Release -- {l["Report.FileWord"]}.pb --rule {rule}"),
            new ReportParagraph(l["Report.RecheckStep4", rule]),
            new ReportParagraph(l["Report.RecheckExplain"]),
            new ReportParagraph(l["Report.RecheckFigures"]),
        ]);
    }

    // ---- Cells and names ----------------------------------------------------------------------------------------

    private string RoundName(Round round) => $"{l["Home.RoundNumber", round.Number]}: {l[RoundPages.Of(round.Kind).NameKey]}";

    private static string Id(Round round, string? part = null) => part is null ? $"ronde-{round.Number}" : $"ronde-{round.Number}-{part}";

    private static string Date(DateTime? utc) => utc is { } at ? at.ToLocalTime().ToString("d MMMM yyyy", CultureInfo.CurrentCulture) : "—";

    private static FigureCell Text(string text) => new(text, text);

    private static FigureCell Number(long value) =>
        new(value.ToString("N0", CultureInfo.CurrentCulture), value.ToString(CultureInfo.InvariantCulture), value);

    private static FigureCell Money(long euros) => new(Euros.Format(euros), euros.ToString(CultureInfo.InvariantCulture), euros);

    /// <summary>The mean share of a theme over the ballots, as the results page shows it.</summary>
    private static FigureCell Share(long percentageSum, int ballots)
    {
        if (ballots == 0)
        {
            return Text("—");
        }

        var share = (decimal)percentageSum / ballots;
        return new(share.ToString("0.0", CultureInfo.CurrentCulture) + "%", share.ToString("0.0", CultureInfo.InvariantCulture), (long)Math.Round(share * 10));
    }
}
