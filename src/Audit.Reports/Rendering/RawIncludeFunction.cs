using Scriban;
using Scriban.Functions;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Audit.Reports.Rendering;

/// <summary>
/// Scriban's <c>include</c>, returning the partial's output as <see cref="RawHtml"/>. The built-in returns a plain
/// string, which <see cref="ReportTemplateContext.Write"/> would escape a second time. The partial's own
/// <c>{{ }}</c> output went through the escaping writer already, so its result is safe markup.
/// </summary>
internal sealed class RawIncludeFunction : IScriptCustomFunction
{
    private readonly IncludeFunction inner = new();

    public int RequiredParameterCount => inner.RequiredParameterCount;

    public int ParameterCount => inner.ParameterCount;

    public ScriptVarParamKind VarParamKind => inner.VarParamKind;

    public Type ReturnType => typeof(RawHtml);

    public ScriptParameterInfo GetParameterInfo(int index) => inner.GetParameterInfo(index);

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        Wrap(inner.Invoke(context, callerContext, arguments, blockStatement));

    public async ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        Wrap(await inner.InvokeAsync(context, callerContext, arguments, blockStatement));

    private static RawHtml Wrap(object? output) => output switch
    {
        null => RawHtml.Empty,
        RawHtml raw => raw,
        string html => new RawHtml(html),
        _ => throw new InvalidOperationException($"include returned {output.GetType().Name}, expected the rendered text"),
    };
}
