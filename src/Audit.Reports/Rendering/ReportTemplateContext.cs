using Audit.Reports.Localization;
using Audit.Reports.Templates;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Audit.Reports.Rendering;

/// <summary>
/// The context of one report render; never reused. Every <c>{{ }}</c> output is HTML-escaped unless it is
/// <see cref="RawHtml"/>. Literal template text does not pass through <see cref="Write(SourceSpan, object)"/>, so
/// markup written in the template itself is untouched. Typos fail: unknown variables (<see cref="TemplateContext.StrictVariables"/>)
/// and unknown members (no relaxed member access) are errors, not empty strings.
/// </summary>
internal sealed class ReportTemplateContext : TemplateContext
{
    /// <summary>
    /// Scriban's default of 1000 iterations per loop would stop a real report: a sector of a few thousand
    /// institutions or a parliament report looping over every question of every type. This still stops a runaway loop.
    /// </summary>
    public const int ReportLoopLimit = 50_000;

    /// <summary>
    /// Scriban truncates output silently at 1M characters by default (with "..."), counted over nested includes, so
    /// a parliament report of six real sectors lost its last chapters. Reports get a far larger budget, and going
    /// over it is an error: a report is whole or it fails.
    /// </summary>
    public const int ReportOutputLimit = 256 * 1024 * 1024;

    private readonly TemplateCatalog catalog;
    private int chartCount;

    /// <summary>
    /// Scriban's built-in functions (with our escaping-safe <c>include</c>), built once and shared by every context:
    /// building them is a few hundred objects, a measurable part of a small report's render. Shared read-only in
    /// practice: its members are read-only, and a template's own assignments land in the render's globals, pushed on top.
    /// </summary>
    private static readonly ScriptObject SharedBuiltins = CreateBuiltins();

    private static ScriptObject CreateBuiltins()
    {
        var builtins = GetDefaultBuiltinObject();
        builtins.SetValue("include", new RawIncludeFunction(), true);
        return builtins;
    }

    public ReportTemplateContext(TemplateCatalog catalog, ReportFormatter formatter, bool expandDataTables)
        : base(SharedBuiltins)
    {
        this.catalog = catalog;
        Formatter = formatter;
        ExpandDataTables = expandDataTables;
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        LoopLimit = ReportLoopLimit;
        LimitToString = ReportOutputLimit;
        OutputLimit = ReportOutputLimit;
        OnStringLimit = ScriptLimitBehavior.Throw;
        OnOutputLimit = ScriptLimitBehavior.Throw;
        NewLine = "\n";
        TemplateLoader = catalog.Loader;
        // A number printed without fmt.* still comes out in the report's language.
        PushCulture(formatter.Culture);
    }

    public ReportFormatter Formatter { get; }

    /// <summary>Render the chart data tables open, for print and PDF where a reader cannot expand them.</summary>
    public bool ExpandDataTables { get; }

    /// <summary>Element ids for charts, unique within the document and the same on every render.</summary>
    public string NextChartId() => "chart-" + (++chartCount).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        Write(Escape(textAsObject));
        return this;
    }

    public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject) =>
        WriteAsync(Escape(textAsObject));

    private string Escape(object? value) => value switch
    {
        null => "",
        RawHtml raw => raw.Html,
        _ => HtmlText.Encode(ObjectToString(value)),
    };

    /// <summary>Includes come from the start-up catalog: no file is read or parsed during a render.</summary>
    protected override Template CreateTemplate(string templatePath, ScriptNode? callerContext)
    {
        try
        {
            return catalog.Get(templatePath).Template;
        }
        catch (TemplateAccessException e)
        {
            throw new ScriptRuntimeException(callerContext?.Span ?? CurrentSpan, e.Message, e);
        }
    }
}
