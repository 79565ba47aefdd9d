using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Burgerbegroting.Web.Pages.Shared;

/// <summary>
/// A horizontal bar chart as server-rendered SVG, decorative only (aria-hidden): the table next to it carries
/// the same numbers for screen readers. Styled by site.css, so the CSP needs no inline styles.
/// </summary>
public sealed record BarChart(IReadOnlyList<BarChart.Bar> Bars)
{
    private const int LabelWidth = 260;
    private const int BarArea = 420;
    private const int ValueWidth = 150;
    private const int RowHeight = 34;

    public sealed record Bar(string Label, long Value, string ValueText, bool Highlight);

    public IHtmlContent ToSvg()
    {
        if (Bars.Count == 0)
        {
            return HtmlString.Empty;
        }

        var max = Math.Max(1, Bars.Max(b => b.Value));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"bb-chart__svg\" viewBox=\"0 0 {LabelWidth + BarArea + ValueWidth} {Bars.Count * RowHeight + 8}\" aria-hidden=\"true\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < Bars.Count; i++)
        {
            var bar = Bars[i];
            var y = i * RowHeight + 4;
            var width = (int)Math.Round((double)bar.Value / max * BarArea);
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"bb-chart__label\" x=\"{LabelWidth - 8}\" y=\"{y + 20}\" text-anchor=\"end\">{Encode(Short(bar.Label))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bb-chart__bar{(bar.Highlight ? " bb-chart__bar--highlight" : "")}\" x=\"{LabelWidth}\" y=\"{y}\" width=\"{width}\" height=\"{RowHeight - 8}\" rx=\"2\"></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"bb-chart__value\" x=\"{LabelWidth + width + 8}\" y=\"{y + 20}\">{Encode(bar.ValueText)}</text>");
        }

        return new HtmlString(svg.Append("</svg>").ToString());
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Long names are shortened in the chart only; the table next to it has them in full.</summary>
    private static string Short(string label) => label.Length <= 32 ? label : label[..31].TrimEnd() + "…";
}
