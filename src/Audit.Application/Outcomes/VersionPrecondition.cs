namespace Audit.Application.Outcomes;

/// <summary>
/// The version a writer says it edited (If-Match), as the web project read it: absent, one version, or malformed.
/// The use case decides what each means, after its access check, so an outsider learns nothing from a bad header.
/// </summary>
public readonly record struct VersionPrecondition(int? Version, bool IsMalformed)
{
    public const string Field = "If-Match";

    public static VersionPrecondition Absent => default;

    public static VersionPrecondition Malformed => new(null, true);

    public static VersionPrecondition Of(int version) => new(version, false);

    public static Failure.Invalid Invalid() => Failure.Invalid.Field(Field, "If-Match must be one quoted version, as sent in the ETag (e.g. \"3\").");
}
