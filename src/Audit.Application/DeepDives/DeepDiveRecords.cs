using System.Globalization;
using Audit.Core.AuditTrail;
using Audit.Core.DeepDives;

namespace Audit.Application.DeepDives;

/// <summary>A note as written; <see cref="Themes"/> are theme keys of the round's questionnaire.</summary>
public sealed record DeepDiveNoteInput(string? Text, IReadOnlyList<string?>? Themes);

/// <summary>An interview or document study as the bureau writes it; <see cref="Date"/> is <c>yyyy-MM-dd</c>.</summary>
public sealed record DeepDiveRecordInput(
    string? InstitutionId, string? Kind, string? Date, IReadOnlyList<string?>? Roles, IReadOnlyList<DeepDiveNoteInput?>? Notes, string? NotablePractices);

/// <summary>A sector's records (of one institution when asked), with the sector for the page headings.</summary>
public sealed record DeepDiveRecordList(DeepDiveSector Sector, DeepDiveSelection? Selection, IReadOnlyList<DeepDiveRecord> Records)
{
    /// <summary>Whether the institution is in the current selection (records of one taken out again stay readable).</summary>
    public bool IsSelected(string institutionId) => Selection?.InstitutionIds.Contains(institutionId, StringComparer.Ordinal) == true;
}

/// <summary>Reads interviews and document studies: confidential notes, so every read is on the audit trail (<c>deep-dive.read-records</c>).</summary>
public sealed class ReadDeepDiveRecords(DeepDiveSectors sectors, IDeepDiveRepository deepDives, IAuditEventRepository trail, TimeProvider clock)
{
    public const string ReadAction = "deep-dive.read-records";

    public async Task<Outcome<DeepDiveRecordList>> ExecuteAsync(
        Caller caller, string roundId, string institutionType, string? institutionId, CancellationToken cancellationToken)
    {
        var found = await sectors.FindAsync(caller, roundId, institutionType, cancellationToken);
        if (!found.TryGetValue(out var sector, out var failure))
        {
            return failure;
        }
        if (institutionId is not null && sector.Find(institutionId) is null)
        {
            return new Failure.NotFound($"'{institutionId}' is not a {sector.TypeName} in round '{roundId}'.");
        }
        var records = await deepDives.ListRecordsAsync(roundId, sector.TypeName, institutionId, cancellationToken);
        await trail.RecordAsync(caller.ToActor().Did(ReadAction, "deep-dive", sector.ObjectId, clock.GetUtcNow(),
            $"{institutionId ?? "all institutions"}: {records.Count} records"), cancellationToken);
        return new DeepDiveRecordList(sector, await deepDives.GetSelectionAsync(roundId, sector.TypeName, cancellationToken), records);
    }
}

/// <summary>
/// Adds, changes and deletes interviews and document studies. A record belongs to an institution in the sector's
/// current selection; changes and deletes name the version they were made on (If-Match), as answers do.
/// </summary>
public sealed class SaveDeepDiveRecord(DeepDiveSectors sectors, IDeepDiveRepository deepDives, TimeProvider clock)
{
    public const int MaxRoles = 20;
    public const int MaxRoleLength = 200;
    public const int MaxNotes = 50;

    /// <summary>Adds a record.</summary>
    public async Task<Outcome<DeepDiveRecord>> ExecuteAsync(
        Caller caller, string roundId, string institutionType, DeepDiveRecordInput input, CancellationToken cancellationToken)
    {
        var found = await sectors.FindAsync(caller, roundId, institutionType, cancellationToken);
        if (!found.TryGetValue(out var sector, out var failure))
        {
            return failure;
        }
        var selection = await deepDives.GetSelectionAsync(roundId, sector.TypeName, cancellationToken);
        var errors = Check(sector, selection, input, null);
        if (errors.Count > 0)
        {
            return new Failure.Invalid(errors);
        }
        var record = ToRecord(sector, AccessTokens.NewId("dd_"), input);
        var result = await deepDives.AddRecordAsync(record, caller.ToActor(), clock.GetUtcNow(), cancellationToken);
        return result.Outcome == DeepDiveWriteOutcome.Saved ? result.Current! : DeepDiveSectors.NotFound(roundId, institutionType);
    }

    /// <summary>Changes a record; its institution stays (a different one in the body is invalid).</summary>
    public async Task<Outcome<DeepDiveRecord>> ChangeAsync(
        Caller caller, string roundId, string institutionType, string recordId, DeepDiveRecordInput input, VersionPrecondition ifMatch,
        CancellationToken cancellationToken)
    {
        var found = await ExistingAsync(caller, roundId, institutionType, recordId, ifMatch, cancellationToken);
        if (!found.TryGetValue(out var existing, out var failure))
        {
            return failure;
        }
        var errors = Check(existing.Sector, await deepDives.GetSelectionAsync(roundId, existing.Sector.TypeName, cancellationToken), input, existing.Record);
        if (errors.Count > 0)
        {
            return new Failure.Invalid(errors);
        }
        if (ifMatch.MatchFor(existing.Record.Version) is not { } expected)
        {
            return DeepDiveOutcomes.Stale("record", existing.Record.Version);
        }
        var result = await deepDives.ChangeRecordAsync(ToRecord(existing.Sector, recordId, input), expected, caller.ToActor(), clock.GetUtcNow(), cancellationToken);
        return Result(result, recordId);
    }

    /// <summary>Deletes a record at the version named in If-Match.</summary>
    public async Task<Outcome<DeepDiveRecord>> DeleteAsync(
        Caller caller, string roundId, string institutionType, string recordId, VersionPrecondition ifMatch, CancellationToken cancellationToken)
    {
        var found = await ExistingAsync(caller, roundId, institutionType, recordId, ifMatch, cancellationToken);
        if (!found.TryGetValue(out var existing, out var failure))
        {
            return failure;
        }
        if (ifMatch.MatchFor(existing.Record.Version) is not { } expected)
        {
            return DeepDiveOutcomes.Stale("record", existing.Record.Version);
        }
        return Result(await deepDives.DeleteRecordAsync(roundId, existing.Sector.TypeName, recordId, expected, caller.ToActor(), clock.GetUtcNow(), cancellationToken),
            recordId);
    }

    private sealed record Existing(DeepDiveSector Sector, DeepDiveRecord Record);

    private async Task<Outcome<Existing>> ExistingAsync(
        Caller caller, string roundId, string institutionType, string recordId, VersionPrecondition ifMatch, CancellationToken cancellationToken)
    {
        var found = await sectors.FindAsync(caller, roundId, institutionType, cancellationToken);
        if (!found.TryGetValue(out var sector, out var failure))
        {
            return failure;
        }
        if (await deepDives.GetRecordAsync(roundId, sector.TypeName, recordId, cancellationToken) is not { } record)
        {
            return RecordNotFound(recordId);
        }
        if (ifMatch.IsMalformed)
        {
            return VersionPrecondition.Invalid();
        }
        if (!ifMatch.IsPresent)
        {
            return new Failure.PreconditionRequired($"Send If-Match with the version of the record you changed (now {record.Version}).", record.Version);
        }
        return new Existing(sector, record);
    }

    private static Outcome<DeepDiveRecord> Result(DeepDiveWriteResult<DeepDiveRecord> result, string recordId) => result.Outcome switch
    {
        DeepDiveWriteOutcome.Saved => result.Current!,
        DeepDiveWriteOutcome.NotFound => RecordNotFound(recordId),
        _ => DeepDiveOutcomes.Stale("record", result.Current?.Version),
    };

    private static Failure.NotFound RecordNotFound(string recordId) => new($"There is no deep-dive record '{recordId}' here.");

    private static DeepDiveRecord ToRecord(DeepDiveSector sector, string id, DeepDiveRecordInput input) => new(
        id, sector.Round.Round.Id, sector.TypeName, input.InstitutionId!, DeepDiveKinds.TryParse(input.Kind, out var kind) ? kind : default,
        DateOnly.ParseExact(input.Date!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        [.. input.Roles!.Select(r => r!.Trim())],
        [.. input.Notes!.Select(n => new DeepDiveNote(n!.Text!.Trim(), [.. n.Themes!.Select(t => t!)]))],
        string.IsNullOrWhiteSpace(input.NotablePractices) ? null : input.NotablePractices.Trim(), 0, "", default);

    /// <summary>Every invalid field at once, keyed as the API body (<c>notes[1].themes[0]</c>).</summary>
    public static Dictionary<string, string[]> Check(DeepDiveSector sector, DeepDiveSelection? selection, DeepDiveRecordInput input, DeepDiveRecord? existing)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (existing is not null && input.InstitutionId != existing.InstitutionId)
        {
            errors["institutionId"] = [$"A record stays with its institution ('{existing.InstitutionId}')."];
        }
        else if (existing is null && (selection is null || !selection.InstitutionIds.Contains(input.InstitutionId ?? "", StringComparer.Ordinal)))
        {
            errors["institutionId"] = ["Name an institution of this sector's deep-dive selection."];
        }
        if (!DeepDiveKinds.TryParse(input.Kind, out _))
        {
            errors["kind"] = [$"The kind is one of: {string.Join(", ", DeepDiveKinds.WireNames)}."];
        }
        if (!DateOnly.TryParseExact(input.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors["date"] = ["The date is a calendar date, yyyy-MM-dd."];
        }
        if (input.Roles is not { Count: >= 1 and <= MaxRoles })
        {
            errors["roles"] = [$"Name 1 to {MaxRoles} roles of who was spoken to (roles, not names)."];
        }
        else
        {
            for (var i = 0; i < input.Roles.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(input.Roles[i]) || input.Roles[i]!.Length > MaxRoleLength)
                {
                    errors[$"roles[{i}]"] = [$"A role has 1 to {MaxRoleLength} characters."];
                }
            }
        }
        CheckNotes(sector, input.Notes, errors);
        if (input.NotablePractices is { Length: > DeepDiveSectors.MaxTextLength })
        {
            errors["notablePractices"] = [$"Notable practices have at most {DeepDiveSectors.MaxTextLength} characters."];
        }
        return errors;
    }

    private static void CheckNotes(DeepDiveSector sector, IReadOnlyList<DeepDiveNoteInput?>? notes, Dictionary<string, string[]> errors)
    {
        if (notes is not { Count: >= 1 and <= MaxNotes })
        {
            errors["notes"] = [$"Write 1 to {MaxNotes} notes."];
            return;
        }
        var themes = sector.Questionnaire.Themes.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < notes.Count; i++)
        {
            var note = notes[i];
            if (string.IsNullOrWhiteSpace(note?.Text) || note.Text.Length > DeepDiveSectors.MaxTextLength)
            {
                errors[$"notes[{i}].text"] = [$"A note has 1 to {DeepDiveSectors.MaxTextLength} characters."];
            }
            if (note?.Themes is not { Count: >= 1 })
            {
                errors[$"notes[{i}].themes"] = ["Code the note with at least one theme of the round's questionnaire."];
                continue;
            }
            for (var j = 0; j < note.Themes.Count; j++)
            {
                if (!themes.Contains(note.Themes[j] ?? "") || note.Themes.Take(j).Contains(note.Themes[j]))
                {
                    errors[$"notes[{i}].themes[{j}]"] = [$"'{note.Themes[j]}' is not a theme of this round's questionnaire, or is named twice."];
                }
            }
        }
    }
}
