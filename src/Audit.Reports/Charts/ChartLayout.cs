namespace Audit.Reports.Charts;

/// <summary>
/// How wide a chart is drawn and where its row labels go. Text is <see cref="Svg.FontSize"/> user units in both, so the
/// printed size depends only on the scale the SVG is drawn at:
/// <list type="bullet">
/// <item><see cref="Print"/> (reports): 640 units wide. An A4 page with the reports' 18 mm side margins leaves 174 mm
/// = 657 CSS px, so Chromium draws the SVG at its own width (scale 1) and 14-unit text prints at 14 px. Even a chart in
/// a padded box (down to 549 px, scale 0.86) keeps text at 12 px or more.</item>
/// <item><see cref="Compact"/> (the bureau's and ministry's sector pages): 360 units wide with row labels above
/// the bars, because a 390 px phone leaves a column of about 340 px: scale 0.94, text about 13 px. The report
/// layout there would scale to 0.53 and shrink text to 7 px.</item>
/// </list>
/// </summary>
public sealed record ChartLayout(double Width, bool LabelsAbove, double LabelColumn)
{
    /// <summary>The narrowest width the report CSS may give a chart: A4 content width minus a padded box.</summary>
    public const double PrintMinimumDrawnWidth = 549;

    public static ChartLayout Print { get; } = new(640, LabelsAbove: false, LabelColumn: 220);

    public static ChartLayout Compact { get; } = new(360, LabelsAbove: true, LabelColumn: 0);

    /// <summary>
    /// <see cref="Print"/> with tighter rows and a wider label column, for a box plot of every theme on a document that
    /// must fit two pages (the board summary): the same text size, less air, theme names on fewer lines.
    /// </summary>
    public static ChartLayout PrintDense { get; } = Print with { LabelColumn = 300, RowHeight = 30 };

    /// <summary>The height of a box-plot row whose label fits; a longer label makes its row taller.</summary>
    public double RowHeight { get; init; } = 40;

    /// <summary>The smallest factor from user units to CSS px this layout is drawn at (print: see above).</summary>
    public double MinimumScale => LabelsAbove ? 340 / Width : PrintMinimumDrawnWidth / Width;
}
