namespace Audit.Core.Institutions;

/// <summary>A problem in a registry file, with its 1-based line number (the header is line 1).</summary>
public sealed record RegistryError(int Line, string? Field, string Message)
{
    public override string ToString() =>
        Field is null ? $"line {Line}: {Message}" : $"line {Line}, {Field}: {Message}";
}

/// <summary>
/// The outcome of parsing a registry: the institutions when the file is valid, otherwise every error
/// and no institutions, so that a partly broken file can never be imported half-way.
/// </summary>
public sealed record RegistryParseResult(IReadOnlyList<Institution> Institutions, IReadOnlyList<RegistryError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Parses the institution registry: UTF-8 text, semicolon-separated, header <see cref="Header"/>.
/// The format is deliberately minimal so that Core needs no CSV package: there is no quoting,
/// so a value may not contain ';' or '"'. Every listed institution is active; deactivation is an
/// administrative action in the application, not something the seed file expresses.
/// </summary>
public static class InstitutionRegistry
{
    public const string Header = "id;name;type;city;brin";

    private static readonly string[] Columns = Header.Split(';');

    public static RegistryParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<RegistryError>();
        var institutions = new List<Institution>();
        var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstLineOfBrin = new Dictionary<string, int>(StringComparer.Ordinal);

        // A BOM is common when the file was saved by a spreadsheet program; it is not part of the header.
        var lines = text.TrimStart('\uFEFF').Split('\n');
        var header = lines[0].TrimEnd('\r').Trim();
        if (header.Length == 0)
            errors.Add(new(1, null, $"the header is missing; expected '{Header}'"));
        else if (!string.Equals(header, Header, StringComparison.Ordinal))
            errors.Add(new(1, null, $"the header is '{header}'; expected '{Header}'"));

        // Rows are still checked after a bad header, against the expected columns: reporting everything
        // at once saves the editor a round trip per mistake.
        for (var i = 1; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0)
                continue; // blank lines, including the usual trailing newline, carry no data

            if (ParseRow(line, lineNumber, errors) is not { } institution)
                continue;

            if (firstLineOfId.TryGetValue(institution.Id, out var earlier))
                errors.Add(new(lineNumber, "id", $"duplicate id '{institution.Id}' (first used on line {earlier})"));
            else
                firstLineOfId[institution.Id] = lineNumber;

            // A BRIN identifies one institution at DUO, so two rows sharing one is a copy-paste error.
            if (institution.Brin is { } brin)
            {
                if (firstLineOfBrin.TryGetValue(brin, out var brinLine))
                    errors.Add(new(lineNumber, "brin", $"duplicate brin '{brin}' (first used on line {brinLine})"));
                else
                    firstLineOfBrin[brin] = lineNumber;
            }
            institutions.Add(institution);
        }

        return errors.Count == 0
            ? new RegistryParseResult(institutions, [])
            : new RegistryParseResult([], errors);
    }

    private static Institution? ParseRow(string line, int lineNumber, List<RegistryError> errors)
    {
        var fields = line.Split(';');
        var ok = true;
        if (line.Contains('"', StringComparison.Ordinal))
        {
            errors.Add(new(lineNumber, null, "a value contains '\"'; quoting is not supported in the registry"));
            ok = false;
        }
        if (fields.Length != Columns.Length)
        {
            errors.Add(new(lineNumber, null,
                $"expected {Columns.Length} values separated by ';' ({Header}) but found {fields.Length}; a value may not contain ';'"));
            ok = false;
        }
        if (!ok)
            return null;

        var values = fields.Select(f => f.Trim()).ToArray();
        var draft = new InstitutionDraft(values[0], values[1], values[2], values[3], values[4]);
        if (InstitutionRules.TryCreate(draft, out var institution, out var fieldErrors))
            return institution;
        errors.AddRange(fieldErrors.Select(e => new RegistryError(lineNumber, e.Field, e.Message)));
        return null;
    }
}
