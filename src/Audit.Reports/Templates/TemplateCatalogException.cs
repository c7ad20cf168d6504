namespace Audit.Reports.Templates;

/// <summary>
/// The report or page templates cannot be used: a parse error, a bad include, a missing or mismatched text file.
/// Thrown at start-up with every problem, each as "file:line:col: message", so a broken template stops the
/// service before anyone asks for a report.
/// </summary>
public sealed class TemplateCatalogException : Exception
{
    public TemplateCatalogException(IReadOnlyList<string> problems)
        : base("The templates have errors:" + Environment.NewLine + string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    public TemplateCatalogException() : this([])
    {
    }

    public TemplateCatalogException(string message) : base(message)
    {
        Problems = [message];
    }

    public TemplateCatalogException(string message, Exception inner) : base(message, inner)
    {
        Problems = [message];
    }

    public IReadOnlyList<string> Problems { get; }
}
