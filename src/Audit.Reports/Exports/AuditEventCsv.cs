using System.Globalization;
using Audit.Core.AuditTrail;
using CsvHelper;

namespace Audit.Reports.Exports;

/// <summary>
/// The audit trail as CSV for admins: one row per event, newest first, UTF-8 with a byte order mark and ';' like the
/// other exports (Dutch spreadsheet settings). Times are UTC in ISO 8601, so the file sorts and compares as data.
/// Summaries carry user-typed text (names, e-mail addresses), so formula starts are escaped.
/// </summary>
public static class AuditEventCsv
{
    public const string ContentType = SectorViewCsv.ContentType;

    public static IReadOnlyList<string> Columns { get; } =
        ["id", "occurred_at", "actor_id", "actor_role", "action", "object_type", "object_id", "summary"];

    public static byte[] ToBytes(IEnumerable<AuditEvent> events, char separator = SectorViewCsv.Semicolon)
    {
        ArgumentNullException.ThrowIfNull(events);
        using var buffer = new MemoryStream();
        var options = CsvWriterOptions.Default with { Separator = separator, WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        using (var writer = CsvWriter.Create(buffer, options, leaveOpen: true))
        {
            writer.WriteHeader([.. Columns]);
            foreach (var e in events)
            {
                writer.WriteField(e.Id.ToString(CultureInfo.InvariantCulture));
                writer.WriteField(e.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                writer.WriteField(e.ActorId);
                writer.WriteField(e.ActorRole);
                writer.WriteField(e.Action);
                writer.WriteField(e.ObjectType);
                writer.WriteField(e.ObjectId);
                writer.WriteField(e.Summary);
                writer.EndRecord();
            }
        }
        return buffer.ToArray();
    }
}
