using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Audit.Core.Institutions;

public static partial class InstitutionRules
{
    public const int IdMaxLength = 64;
    public const int NameMaxLength = 200;
    public const int CityMaxLength = 100;

    // A BRIN (DUO "instellingscode") is two digits and two capitals, e.g. 21PK. \z, not $: see Slug.
    [GeneratedRegex(@"\A[0-9]{2}[A-Z]{2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex BrinPattern();

    /// <summary>
    /// Returns every field error at once, so a form or a registry file can be corrected in one pass.
    /// Empty means valid. Field names: id, name, type, city, brin.
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(InstitutionDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<FieldError>();

        Slug.Validate(draft.Id, "id", IdMaxLength, errors);

        if (string.IsNullOrWhiteSpace(draft.Name))
            errors.Add(new("name", "is required"));
        else if (draft.Name.Trim().Length > NameMaxLength)
            errors.Add(new("name", $"must be at most {NameMaxLength} characters"));

        if (string.IsNullOrEmpty(draft.Type))
            errors.Add(new("type", "is required"));
        else if (!InstitutionTypes.TryParse(draft.Type, out _))
            errors.Add(new("type", $"'{draft.Type}' is not a known type; expected one of: {string.Join(", ", InstitutionTypes.WireNames)}"));

        if (draft.City is not null && draft.City.Trim().Length > CityMaxLength)
            errors.Add(new("city", $"must be at most {CityMaxLength} characters"));

        if (!string.IsNullOrEmpty(draft.Brin) && !BrinPattern().IsMatch(draft.Brin))
            errors.Add(new("brin", "must be two digits followed by two capital letters, e.g. 21PK"));

        return errors;
    }

    /// <summary>
    /// Validates and builds the institution. Name and city are trimmed; an empty city or BRIN becomes null,
    /// because "unknown" and "empty" mean the same here and null keeps the database free of empty strings.
    /// </summary>
    public static bool TryCreate(
        InstitutionDraft draft,
        [NotNullWhen(true)] out Institution? institution,
        out IReadOnlyList<FieldError> errors)
    {
        errors = Validate(draft);
        if (errors.Count > 0)
        {
            institution = null;
            return false;
        }
        InstitutionTypes.TryParse(draft.Type, out var type);
        institution = new Institution(
            draft.Id!,
            draft.Name!.Trim(),
            type,
            NullIfEmpty(draft.City?.Trim()),
            NullIfEmpty(draft.Brin),
            draft.Active);
        return true;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
