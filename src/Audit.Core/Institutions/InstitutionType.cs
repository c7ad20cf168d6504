namespace Audit.Core.Institutions;

/// <summary>The kind of knowledge institution. The wire names (snake_case, Dutch) are fixed by the registry format.</summary>
public enum InstitutionType
{
    Universiteit,
    Hogeschool,
    NwoInstituut,
    KnawInstituut,
    To2Instituut,
    Umc,
    Overig,
}

public static class InstitutionTypes
{
    private static readonly Dictionary<string, InstitutionType> ByWireName = new(StringComparer.Ordinal)
    {
        ["universiteit"] = InstitutionType.Universiteit,
        ["hogeschool"] = InstitutionType.Hogeschool,
        ["nwo_instituut"] = InstitutionType.NwoInstituut,
        ["knaw_instituut"] = InstitutionType.KnawInstituut,
        ["to2_instituut"] = InstitutionType.To2Instituut,
        ["umc"] = InstitutionType.Umc,
        ["overig"] = InstitutionType.Overig,
    };

    public static IReadOnlyCollection<string> WireNames => ByWireName.Keys;

    public static bool TryParse(string? wireName, out InstitutionType type) =>
        ByWireName.TryGetValue(wireName ?? "", out type);

    public static string ToWireName(this InstitutionType type) => type switch
    {
        InstitutionType.Universiteit => "universiteit",
        InstitutionType.Hogeschool => "hogeschool",
        InstitutionType.NwoInstituut => "nwo_instituut",
        InstitutionType.KnawInstituut => "knaw_instituut",
        InstitutionType.To2Instituut => "to2_instituut",
        InstitutionType.Umc => "umc",
        InstitutionType.Overig => "overig",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
