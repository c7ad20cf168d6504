using Scriban.Syntax;

namespace Audit.Reports.Templates;

/// <summary>
/// Finds the <c>include</c> calls in a parsed template. Every include must name its template with a string literal:
/// then start-up can check that the target exists, and the template version can hash exactly the files a report
/// uses. A computed name would defeat both, so it is reported as a problem.
/// </summary>
internal static class IncludeScanner
{
    internal sealed record Include(string? LiteralName, int Line, int Column);

    public static List<Include> Find(ScriptNode? root)
    {
        var found = new List<Include>();
        Walk(root, found);
        return found;
    }

    private static void Walk(ScriptNode? node, List<Include> found)
    {
        if (node is null)
        {
            return;
        }
        if (node is ScriptVariable { Name: "include" } variable)
        {
            var literal = variable.Parent is ScriptFunctionCall call && ReferenceEquals(call.Target, variable)
                && call.Arguments.Count > 0 && call.Arguments[0] is ScriptLiteral { Value: string name }
                ? name
                : null;
            found.Add(new Include(literal, variable.Span.Start.Line + 1, variable.Span.Start.Column + 1));
        }
        for (var i = 0; i < node.ChildrenCount; i++)
        {
            Walk(node.GetChildren(i), found);
        }
    }
}
