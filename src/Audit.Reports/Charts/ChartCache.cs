using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Audit.Reports.Charts;

/// <summary>
/// Rendered charts (SVG and data table), keyed by everything that goes into them: the language's texts, the placement
/// and the chart data. A sector's feedback reports draw the same distributions again and again (only the own answer's
/// marker differs, and it is part of the data), so 5,000 reports draw each chart variant once instead of 5,000 times.
/// The key is the data itself, never a report's identity, so a cached chart is byte-for-byte the one drawn fresh.
/// </summary>
internal sealed class ChartCache
{
    /// <summary>Charts of a few sectors' variants; beyond it the cache starts over rather than grow without bound.</summary>
    private const int MaxEntries = 4096;

    private readonly ConcurrentDictionary<(object Texts, string Key), string> _charts = new();

    internal string GetOrAdd(object texts, string key, Func<string> render)
    {
        if (_charts.TryGetValue((texts, key), out var html))
        {
            return html;
        }
        html = render();
        if (_charts.Count >= MaxEntries)
        {
            _charts.Clear();
        }
        _charts[(texts, key)] = html;
        return html;
    }

    internal static string KeyOf(ChartPlacement placement, StackedBarData data)
    {
        var key = Start("bars", placement).Append(data.Title).Append(Sep).Append(data.Description).Append(Sep).Append(data.RowHeader);
        foreach (var category in data.Categories)
        {
            key.Append(Sep).Append(category.Key).Append(Sep).Append(category.Label).Append(Sep).Append(category.Color);
        }
        foreach (var row in data.Rows)
        {
            key.Append(RowSep).Append(row.Label).Append(Sep).Append(row.OwnIndex?.ToString(CultureInfo.InvariantCulture) ?? "-");
            foreach (var count in row.Counts)
            {
                key.Append(Sep).Append(count.ToString(CultureInfo.InvariantCulture));
            }
            foreach (var percent in row.Percents)
            {
                key.Append(Sep).Append(percent.ToString(CultureInfo.InvariantCulture));
            }
        }
        return key.ToString();
    }

    internal static string KeyOf(ChartPlacement placement, BoxPlotData data)
    {
        var key = Start("box", placement).Append(data.Title).Append(Sep).Append(data.Description).Append(Sep).Append(data.RowHeader)
            .Append(Sep).Append(Number(data.ScaleMin)).Append(Sep).Append(Number(data.ScaleMax));
        foreach (var row in data.Rows)
        {
            key.Append(RowSep).Append(row.Label).Append(Sep).Append(row.N.ToString(CultureInfo.InvariantCulture))
                .Append(Sep).Append(Number(row.Q1)).Append(Sep).Append(Number(row.Median)).Append(Sep).Append(Number(row.Q3))
                .Append(Sep).Append(Number(row.Own)).Append(Sep).Append(Number(row.Norm));
        }
        return key.ToString();
    }

    private const char Sep = '\u001f';
    private const char RowSep = '\u001e';

    private static StringBuilder Start(string kind, ChartPlacement placement) =>
        new StringBuilder(256).Append(kind).Append(Sep).Append(placement.Id).Append(Sep).Append(placement.ExpandTable ? '1' : '0').Append(Sep);

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";
}
