using Markdig;
using Markdig.Parsers.Inlines;

namespace Audit.Reports.Rendering;

/// <summary>
/// The bureau's findings text (Markdown) as HTML, for reports and pages (<c>fmt.markdown</c>). Raw HTML is disabled, so
/// a <c>&lt;script&gt;</c> or any tag an analyst writes comes out as escaped text; links, autolinks and images are not
/// parsed either, because findings are paragraphs, emphasis and lists, and a link target (<c>javascript:</c>) would
/// be a way in that escaping does not close. What remains is Markdig's own escaped output, hence <see cref="RawHtml"/>.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = Build();

    public static RawHtml ToHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? RawHtml.Empty : new RawHtml(Markdown.ToHtml(markdown, Pipeline).TrimEnd('\n'));

    private static MarkdownPipeline Build()
    {
        var builder = new MarkdownPipelineBuilder().DisableHtml();
        builder.InlineParsers.RemoveAll(p => p is LinkInlineParser or AutolinkInlineParser);
        return builder.Build();
    }
}
