namespace Burgerbegroting.Web.Pages.Shared;

/// <summary>A horizontal bar chart drawn as server-side SVG; the numbers are always in the table next to it.</summary>
public sealed record BarChart(IReadOnlyList<BarChart.Bar> Bars)
{
    public const int LabelWidth = 260;
    public const int BarArea = 420;
    public const int RowHeight = 34;

    public sealed record Bar(string Label, long Value, string ValueText, bool Highlight);

    public long Max => Bars.Count == 0 ? 0 : Bars.Max(b => b.Value);

    public int Width(Bar bar) => Max == 0 ? 0 : (int)Math.Round((double)bar.Value / Max * BarArea);

    public int Height => Bars.Count * RowHeight + 8;
}
