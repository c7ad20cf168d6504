namespace Audit.Application.Outcomes;

/// <summary>
/// Why a use case did not do what was asked, in domain terms. The web project turns each kind into one HTTP status
/// (one mapper for the API and the pages), so a rule is worded once, here, and answered the same way everywhere.
/// </summary>
public abstract record Failure(string Detail)
{
    /// <summary>
    /// Extra members for the problem document (e.g. the current answer of a stale write), as domain objects: the web
    /// project presents them in its own wire shape.
    /// </summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>Does not exist, or the caller may not know that it does: other institutions' data is "not found".</summary>
    public sealed record NotFound(string Detail) : Failure(Detail);

    /// <summary>The caller sees the resource but may not do this to it.</summary>
    public sealed record Forbidden(string Detail) : Failure(Detail);

    /// <summary>The input is wrong; <see cref="Errors"/> lists every invalid field at once, keyed by its JSON path.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors, string? Summary = null)
        : Failure(Summary ?? $"{Errors.Count} field(s) are invalid: {string.Join(", ", Errors.Keys)}.")
    {
        public static Invalid Field(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
    }

    /// <summary>The input is fine but the state does not allow it now (a closed round, a second review).</summary>
    public sealed record Conflict(string Detail) : Failure(Detail);

    /// <summary>
    /// The caller edited an older version: someone changed it meanwhile. The extensions say how it is now (e.g.
    /// <c>current</c>); <see cref="CurrentVersion"/> is that version, for the ETag.
    /// </summary>
    public sealed record Stale(string Detail, int? CurrentVersion = null) : Failure(Detail);

    /// <summary>Changing something that exists needs the version the caller edited (If-Match).</summary>
    public sealed record PreconditionRequired(string Detail, int? CurrentVersion = null) : Failure(Detail);

    /// <summary>The content is larger than the service takes (an evidence document over the configured size).</summary>
    public sealed record TooLarge(string Detail) : Failure(Detail);

    /// <summary>The content is of a kind the service does not take, judged by what it is rather than what it claims.</summary>
    public sealed record Unsupported(string Detail) : Failure(Detail);

    /// <summary>The request is fine but the service cannot do it as configured (e.g. no public address for mail links).</summary>
    public sealed record Unavailable(string Detail) : Failure(Detail);
}
