using System.Globalization;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using Page = UglyToad.PdfPig.Content.Page;

namespace Burgerbegroting.Web.Tests.Events;

/// <summary>
/// The printed paper ballots read back with PdfPig: the text on each page, the size of its letters, and the boxes
/// (the stroked rectangles drawn on the page).
/// </summary>
public sealed class PaperFormTests
{
    private const string Municipality = "Gemeente Maastricht";
    private const string Edition = "Burgerbegroting Maastricht 2027";
    private const string Event = "Buurtavond Wyck";

    private static readonly FormTheme[] Themes =
    [
        new(1, "Groen en natuur", null, []),
        new(2, "Veiligheid en verlichting", null, []),
        new(3, "Sport en ontmoeting in Céramique", null, []),
    ];

    private static readonly PaperForm Round1 = new(Municipality, Edition, RoundKind.ThemeChoice, 2, 0, Themes, Event);
    private static readonly PaperForm Round2 = new(Municipality, Edition, RoundKind.BudgetSplit, 0, 500_000, Themes, Event);

    private static readonly PaperForm Round4 = new(Municipality, Edition, RoundKind.Selection, 0, 0,
    [
        new(1, "Groen en natuur", 120_000, [new(11, "Bomen langs de Maas", 12_500), new(12, "Een moestuin bij de school", 48_000)]),
        new(2, "Veiligheid en verlichting", 80_000, [new(21, "Lantaarns in het park", 75_000)]),
    ], null);

    /// <summary>30 ideas with one-word titles ("Idee-01"), ten per theme: more than one A4 page holds.</summary>
    private static readonly PaperForm ThirtyIdeas = Round4 with
    {
        Themes = [.. Enumerable.Range(0, 3).Select(t => new FormTheme(t + 1, $"Thema {t + 1}", 100_000,
            [.. Enumerable.Range(1, 10).Select(i => new FormIdea(t * 10 + i, $"Idee-{t * 10 + i:D2}", 1_000 * (t * 10 + i)))]))],
    };

    [Fact]
    public void Round_1_sheets_are_one_A4_page_each_with_every_theme_the_rule_in_Dutch_and_English_and_a_box_per_theme()
    {
        using var pdf = PdfDocument.Open(Pdf(Round1, firstNumber: 41, count: 3));

        Assert.Equal(3, pdf.NumberOfPages);
        for (var i = 0; i < 3; i++)
        {
            var page = pdf.GetPage(i + 1);
            Assert.Equal(595, page.Width, 0);
            Assert.Equal(842, page.Height, 0);
            var text = Squeeze(page.Text);
            foreach (var expected in Themes.Select(t => t.Name).Concat([
                Municipality, Edition, Event, "Ronde 1: Thema's kiezen", "Round 1: Choosing themes",
                "Kies ten minste 1 en hoogstens 2 thema's: zet een kruisje in het vakje.",
                "Choose at least 1 and at most 2 themes: put a cross in the box."]))
            {
                Assert.Contains(Squeeze(expected), text, StringComparison.Ordinal);
            }

            AssertRulesInBothLanguages(text, ("PaperForm.Rule.ThemeChoice", [2]));
            Assert.Equal(3, Boxes(page).Count(b => Math.Abs(b.Width - b.Height) < 0.1 && b.Width >= 19));
        }
    }

    [Fact]
    public void Each_sheet_carries_its_own_number_large_at_the_top_right_and_small_at_the_bottom_and_no_other()
    {
        using var pdf = PdfDocument.Open(Pdf(Round1, firstNumber: 41, count: 3));

        for (var i = 0; i < 3; i++)
        {
            var page = pdf.GetPage(i + 1);
            var number = (41 + i).ToString("D5", CultureInfo.InvariantCulture);
            var numbers = page.GetWords().Where(w => w.Text.Length >= 5 && w.Text.All(char.IsAsciiDigit)).ToList();
            Assert.Equal(2, numbers.Count);
            Assert.All(numbers, w => Assert.Equal(number, w.Text));
            var large = numbers.MaxBy(w => w.Letters[0].PointSize)!;
            Assert.True(large.Letters[0].PointSize >= 28, $"number at {large.Letters[0].PointSize} pt");
            Assert.True(large.BoundingBox.Left > page.Width / 2 && large.BoundingBox.Bottom > page.Height - 150, $"number at {large.BoundingBox}");
            var small = numbers.MinBy(w => w.BoundingBox.Bottom)!;
            Assert.True(small.BoundingBox.Top < 60, $"footer number at {small.BoundingBox}");
            Assert.Contains("Stembiljetnr." + number, Squeeze(page.Text), StringComparison.Ordinal);
            Assert.Contains("Ballotno.", Squeeze(page.Text), StringComparison.Ordinal);
        }

        Assert.Equal("00123", PaperForms.Number(123));
        Assert.Equal("123456", PaperForms.Number(123456));
    }

    [Fact]
    public void Round_2_sheet_has_a_box_for_three_digits_per_theme_and_one_for_the_total()
    {
        using var pdf = PdfDocument.Open(Pdf(Round2));

        Assert.Equal(1, pdf.NumberOfPages);
        var page = pdf.GetPage(1);
        var text = Squeeze(page.Text);
        foreach (var expected in Themes.Select(t => t.Name).Concat([
            "Ronde 2: Geld verdelen", "Round 2: Dividing the money", "Totaal · Total:",
            "Verdeel 100% over de thema's: schrijf per thema een heel percentage; samen precies 100.",
            "Divide 100% over the themes: write a whole percentage for each theme; together exactly 100.",
            "Er is in totaal € 500.000 te verdelen.", "There is € 500.000 to divide in total."]))
        {
            Assert.Contains(Squeeze(expected), text, StringComparison.Ordinal);
        }

        AssertRulesInBothLanguages(text, ("PaperForm.Rule.BudgetSplit", []));
        // Three handwritten digits need some 15 by 8 mm.
        var digitBoxes = Boxes(page).Where(b => b.Width >= 42.5 && b.Height >= 22.7).ToList();
        Assert.Equal(Themes.Length + 1, digitBoxes.Count);
        Assert.Equal(Themes.Length + 1, page.GetWords().Count(w => w.Text == "%"));
    }

    [Fact]
    public void Round_4_sheet_shows_each_theme_with_its_budget_and_each_idea_with_a_box_and_its_cost()
    {
        using var pdf = PdfDocument.Open(Pdf(Round4));

        Assert.Equal(1, pdf.NumberOfPages);
        var page = pdf.GetPage(1);
        var text = Squeeze(page.Text);
        foreach (var expected in new[]
        {
            "Ronde 4: Selectie", "Round 4: Selection",
            "Groen en natuur", "Budget: € 120.000", "Veiligheid en verlichting", "Budget: € 80.000",
            "Bomen langs de Maas", "€ 12.500", "Een moestuin bij de school", "€ 48.000", "Lantaarns in het park", "€ 75.000",
            "Kies per thema ideeën die samen niet meer kosten dan het budget van dat thema",
            "For each theme, choose ideas that together cost no more than that theme's budget",
        })
        {
            Assert.Contains(Squeeze(expected), text, StringComparison.Ordinal);
        }

        AssertRulesInBothLanguages(text, ("PaperForm.Rule.Selection", []));
        Assert.Equal(3, Boxes(page).Count(b => Math.Abs(b.Width - b.Height) < 0.1 && b.Width >= 19));
        Assert.DoesNotContain(Event, page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Large_type_sets_all_text_but_the_footer_at_16_points_or_more_with_bigger_boxes()
    {
        foreach (var form in new[] { Round1, Round2, Round4 })
        {
            using var normal = PdfDocument.Open(Pdf(form));
            using var large = PdfDocument.Open(Pdf(form, largeType: true));

            // The footer (the number repeated small) sits below 50 points from the bottom.
            var body = large.GetPages().SelectMany(p => p.Letters).Where(l => l.StartBaseLine.Y > 50 && !string.IsNullOrWhiteSpace(l.Value)).ToList();
            Assert.NotEmpty(body);
            Assert.All(body, l => Assert.True(l.PointSize >= 16, $"'{l.Value}' at {l.PointSize} pt in round {(int)form.Round}"));
            Assert.Contains(normal.GetPage(1).Letters, l => l.PointSize < 16);
            Assert.True(Boxes(large.GetPage(1)).Min(b => b.Height) > Boxes(normal.GetPage(1)).Min(b => b.Height));
            Assert.True(large.NumberOfPages >= normal.NumberOfPages);
            Assert.Contains(Squeeze(form.Themes[^1].Name), Squeeze(string.Concat(large.GetPages().Select(p => p.Text))), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Thirty_ideas_flow_onto_a_second_page_that_repeats_the_number_and_the_theme_going_on()
    {
        using var pdf = PdfDocument.Open(Pdf(ThirtyIdeas, firstNumber: 7));

        Assert.Equal(2, pdf.NumberOfPages);
        var pages = pdf.GetPages().ToList();
        var texts = pages.Select(p => Squeeze(p.Text)).ToList();
        for (var p = 0; p < 2; p++)
        {
            Assert.Equal(["00007", "00007"], Numbers(pages[p]));
            Assert.Contains($"blad{p + 1}van2·page{p + 1}of2", texts[p], StringComparison.Ordinal);
            Assert.Contains(Squeeze(Edition), texts[p], StringComparison.Ordinal);
        }

        // Every idea once, on one of the two pages, and rows stay within the page.
        var words = pages.SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
        Assert.All(Enumerable.Range(1, 30), i => Assert.Single(words, w => w == $"Idee-{i:D2}"));
        Assert.All(Enumerable.Range(1, 30), i => Assert.Contains(Squeeze($"€ {i}.000"), string.Concat(texts), StringComparison.Ordinal));
        Assert.Contains("Vervolgopblad2.", texts[0], StringComparison.Ordinal);
        Assert.Contains("Continuedonpage2.", texts[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Vervolgopblad", texts[1], StringComparison.Ordinal);
        Assert.Contains(Squeeze(Localized("nl", "PaperForm.Invalid")), texts[0], StringComparison.Ordinal);
        Assert.DoesNotContain(Squeeze(Localized("nl", "PaperForm.Invalid")), texts[1], StringComparison.Ordinal);
        // Page 1 ends inside a theme: that theme is named again, as going on, at the top of page 2.
        var firstOnPage2 = pages[1].GetWords().Where(w => w.Text.StartsWith("Idee-", StringComparison.Ordinal)).MaxBy(w => w.BoundingBox.Bottom)!;
        var idea = int.Parse(firstOnPage2.Text[5..], CultureInfo.InvariantCulture);
        Assert.NotEqual(1, idea % 10);
        Assert.Contains($"Thema{(idea - 1) / 10 + 1}(vervolg·continued)", texts[1], StringComparison.Ordinal);
        Assert.Single(pages[1].GetWords(), w => w.Text == "(vervolg");
        Assert.All(pages.SelectMany(p => p.Letters), l => Assert.InRange(l.BoundingBox.Right, 0, 595.28 - 50));
    }

    [Fact]
    public void Twenty_sheets_give_twenty_pages_or_twenty_times_the_pages_of_a_sheet_each_with_its_number()
    {
        using var one = PdfDocument.Open(Pdf(Round1, firstNumber: 101, count: 20));
        using var two = PdfDocument.Open(Pdf(ThirtyIdeas, firstNumber: 101, count: 20));

        Assert.Equal(20, one.NumberOfPages);
        Assert.Equal(40, two.NumberOfPages);
        for (var i = 0; i < 20; i++)
        {
            var number = (101 + i).ToString("D5", CultureInfo.InvariantCulture);
            Assert.Equal([number, number], Numbers(one.GetPage(i + 1)));
            Assert.Equal([number, number], Numbers(two.GetPage(2 * i + 1)));
            Assert.Equal([number, number], Numbers(two.GetPage(2 * i + 2)));
            Assert.Contains("blad2van2", Squeeze(two.GetPage(2 * i + 2).Text), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Long_titles_wrap_within_the_page_and_nothing_is_cut_off()
    {
        var longTitle = "Een nieuwe ontmoetingsplek met bankjes, bomen, een jeu-de-boulesbaan en een speeltuin voor alle kinderen uit de buurt";
        var longTheme = "Sport, spel en ontmoeting voor jong en oud in Céramique, Wyck en de Heugemerveld-Randwyck-Campuswijk";
        var longWord = "Buurtontmoetingscentrumrenovatieplan" + string.Concat(Enumerable.Repeat("Maastricht", 6));
        var form = Round4 with
        {
            EditionName = string.Join(' ', Enumerable.Repeat("Burgerbegroting", 10))[..150],
            EventName = "Buurtavond in het wijkcentrum aan de Bosscherweg, 12 maart 2027, 19.30 uur",
            Themes = [new(1, longTheme, 250_000, [.. Enumerable.Range(1, 8).Select(i => new FormIdea(i, $"{longTitle} {i}", 31_000 * i)), new FormIdea(9, longWord, 999_999)])],
        };

        foreach (var largeType in new[] { false, true })
        {
            using var pdf = PdfDocument.Open(Pdf(form, largeType: largeType));
            var pages = pdf.GetPages().ToList();
            var text = Squeeze(string.Concat(pages.Select(p => p.Text)));
            foreach (var expected in Enumerable.Range(1, 8).Select(i => $"{longTitle} {i}").Concat([longTheme, longWord, form.EditionName, form.EventName!, "€ 999.999"]))
            {
                Assert.Contains(Squeeze(expected), text, StringComparison.Ordinal);
            }

            Assert.All(pages.SelectMany(p => p.Letters), l =>
            {
                Assert.InRange(l.BoundingBox.Left, 50, 595.28 - 50);
                Assert.InRange(l.BoundingBox.Right, 50, 595.28 - 50);
                Assert.InRange(l.BoundingBox.Bottom, 20, 841.89 - 20);
            });
        }
    }

    [Fact]
    public void A_round_without_paper_no_sheets_or_a_number_below_one_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PaperForms.Write(Stream.Null, Round1 with { Round = RoundKind.Ideas }, 1, 1, false, Localizer));
        Assert.Throws<ArgumentException>(() => PaperForms.Write(Stream.Null, Round1, 1, 0, false, Localizer));
        Assert.Throws<ArgumentException>(() => PaperForms.Write(Stream.Null, Round1, 0, 5, false, Localizer));
        Assert.Throws<ArgumentException>(() => PaperForms.Write(Stream.Null, Round1 with { Themes = [] }, 1, 1, false, Localizer));
        Assert.Throws<ArgumentException>(() => PaperForms.Write(Stream.Null, Round1 with { MaxThemes = 0 }, 1, 1, false, Localizer));
    }

    private static readonly IStringLocalizer<SharedResource> Localizer = new ServiceCollection()
        .AddLogging()
        .AddLocalization(o => o.ResourcesPath = "Resources")
        .BuildServiceProvider()
        .GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <summary>The round's rule, that a sheet breaking it does not count, and a new sheet after a mistake, in both languages.</summary>
    private static void AssertRulesInBothLanguages(string squeezedText, (string Key, object[] Arguments) rule)
    {
        foreach (var culture in new[] { "nl", "en" })
        {
            foreach (var (key, arguments) in new[] { rule, ("PaperForm.HowTo", []), ("PaperForm.Invalid", []), ("PaperForm.Mistake", []) })
            {
                Assert.Contains(Squeeze(Localized(culture, key, arguments)), squeezedText, StringComparison.Ordinal);
            }
        }
    }

    private static string Localized(string culture, string key, params object[] arguments)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            var value = Localizer[key, arguments];
            Assert.False(value.ResourceNotFound, key);
            return value.Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static byte[] Pdf(PaperForm form, int firstNumber = 123, int count = 1, bool largeType = false)
    {
        using var output = new MemoryStream();
        PaperForms.Write(output, form, firstNumber, count, largeType, Localizer);
        return output.ToArray();
    }

    /// <summary>The words on a page that are sheet numbers (five digits or more), top to bottom.</summary>
    private static List<string> Numbers(Page page) =>
        [.. page.GetWords().Where(w => w.Text.Length >= 5 && w.Text.All(char.IsAsciiDigit)).OrderByDescending(w => w.BoundingBox.Bottom).Select(w => w.Text)];

    /// <summary>The boxes to fill in: stroked rectangles, without the frame around the number.</summary>
    private static List<PdfRectangle> Boxes(Page page) =>
        [.. page.Paths.Where(p => p.IsStroked && !p.IsFilled).Select(p => p.GetBoundingRectangle()).OfType<PdfRectangle>().Where(r => r.Height > 1 && r.Width < 120)];

    /// <summary>Text as PdfPig gives it has the words of wrapped lines run together; compare without white space.</summary>
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
