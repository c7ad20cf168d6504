using Audit.Reports.Localization;

namespace Audit.Reports.Charts;

/// <summary>Everything a chart needs to speak the report's language: the texts under <c>chart.*</c> and the number formats.</summary>
public sealed record ChartLabels(ReportTexts Texts, ReportFormatter Format)
{
    public string this[string key] => Texts["chart." + key];
}

/// <summary>Where a chart goes in the document: its element id and whether its data table starts open (print).</summary>
public sealed record ChartPlacement(string Id, bool ExpandTable);

/// <summary>Puts a chart's SVG and its data table together: the table gives screen readers and print readers the numbers.</summary>
internal static class ChartFigure
{
    public static string Compose(ChartPlacement placement, string svg, string table, ChartLabels labels) =>
        $"<div class=\"chart\" id=\"{placement.Id}\">\n{svg}" +
        $"<details class=\"chart-data\"{(placement.ExpandTable ? " open" : "")}><summary>{Rendering.HtmlText.Encode(labels["table_summary"])}</summary>\n" +
        table +
        "</details>\n</div>";
}
