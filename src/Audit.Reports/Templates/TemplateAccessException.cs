namespace Audit.Reports.Templates;

/// <summary>A template name that is malformed, escapes the template root, or names no file.</summary>
public sealed class TemplateAccessException : Exception
{
    public TemplateAccessException(string message) : base(message)
    {
    }

    public TemplateAccessException(string message, Exception inner) : base(message, inner)
    {
    }

    public TemplateAccessException()
    {
    }
}
