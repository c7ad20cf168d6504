namespace Audit.Application.Outcomes;

/// <summary>
/// The versions a writer says it edited (If-Match, RFC 9110 §13.1.1), as the web project read it: absent, <c>*</c>
/// (any current version), a set of strong versions (one entry of the list must match), or malformed. Entity tags that
/// are well formed but can never match (a weak tag, <c>"0"</c>, <c>"abc"</c>) are simply not in the set, so they fail
/// the precondition (412) rather than the request (400). The use case decides what each means, after its access check,
/// so an outsider learns nothing from a bad header.
/// </summary>
public sealed record VersionPrecondition
{
    public const string Field = "If-Match";

    private static readonly IReadOnlySet<int> None = new HashSet<int>();

    private VersionPrecondition(bool isPresent, bool isAny, bool isMalformed, IReadOnlySet<int> versions) =>
        (IsPresent, IsAny, IsMalformed, Versions) = (isPresent, isAny, isMalformed, versions);

    /// <summary>False when the writer sent no If-Match at all.</summary>
    public bool IsPresent { get; }

    /// <summary><c>If-Match: *</c>: any current version matches; no current version fails.</summary>
    public bool IsAny { get; }

    public bool IsMalformed { get; }

    /// <summary>The strong versions named; the precondition holds when the current version is one of them.</summary>
    public IReadOnlySet<int> Versions { get; }

    public static VersionPrecondition Absent { get; } = new(false, false, false, None);

    public static VersionPrecondition Malformed { get; } = new(true, false, true, None);

    public static VersionPrecondition Any { get; } = new(true, true, false, None);

    public static VersionPrecondition Of(int version) => OneOf([version]);

    /// <summary>A list of entity tags; <paramref name="versions"/> holds those that can match (may be empty).</summary>
    public static VersionPrecondition OneOf(IEnumerable<int> versions) => new(true, false, false, versions.ToHashSet());

    /// <summary>
    /// The one version to write against, given the version there is now (null: there is none), or null when the
    /// precondition fails. The repository's guarded write then checks that version again, so a colleague's write
    /// between this read and the write still fails as stale: no lost update.
    /// </summary>
    public int? MatchFor(int? current) =>
        current is not { } version ? null
        : IsAny || Versions.Contains(version) ? version
        : null;

    public static Failure.Invalid Invalid() =>
        Failure.Invalid.Field(Field, "If-Match must be * or a list of quoted versions, as sent in the ETag (e.g. \"3\").");
}
