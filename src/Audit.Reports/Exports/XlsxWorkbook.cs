using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Audit.Reports.Exports;

/// <summary>
/// A workbook written sheet by sheet with the Open XML SDK's streaming writer, so a sheet of thousands of rows is
/// never held as a document tree. Every sheet has a bold, frozen header row. Text goes in as inline strings: no
/// cell is ever a formula, whatever a respondent typed.
/// </summary>
internal sealed class XlsxWorkbook : IDisposable
{
    private const uint BoldStyle = 1;

    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbookPart;
    private readonly Sheets _sheets = new();
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
    private uint _nextSheetId = 1;

    public XlsxWorkbook(Stream output)
    {
        _document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        _workbookPart = _document.AddWorkbookPart();
        var styles = _workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Styles();
        styles.Stylesheet.Save();
    }

    /// <summary>
    /// Adds a sheet. The name is made valid and unique (at most 31 characters, none of <c>[]:*?/\</c>) and returned.
    /// </summary>
    public string AddSheet(string name, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<SheetCell>> rows, IReadOnlyList<double>? widths = null)
    {
        var sheetName = UniqueName(name);
        var part = _workbookPart.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(part))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft })
            { WorkbookViewId = 0 }));
            if (widths is { Count: > 0 })
            {
                writer.WriteElement(new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })));
            }
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, 1, header.Select(SheetCell.Of).ToList(), BoldStyle);
            var index = 1u;
            foreach (var row in rows)
            {
                if (row.Count != header.Count)
                {
                    throw new ArgumentException($"Sheet '{sheetName}' has {header.Count} columns, but a row has {row.Count} cells.", nameof(rows));
                }
                WriteRow(writer, ++index, row, null);
            }
            writer.WriteEndElement(); // sheetData
            writer.WriteEndElement(); // worksheet
        }
        _sheets.Append(new Sheet { Name = sheetName, SheetId = _nextSheetId++, Id = _workbookPart.GetIdOfPart(part) });
        return sheetName;
    }

    public void Dispose()
    {
        _workbookPart.Workbook = new Workbook(_sheets);
        _workbookPart.Workbook.Save();
        _document.Dispose();
    }

    private static void WriteRow(OpenXmlWriter writer, uint index, IReadOnlyList<SheetCell> cells, uint? style)
    {
        writer.WriteStartElement(new Row { RowIndex = index });
        for (var c = 0; c < cells.Count; c++)
        {
            var cell = cells[c];
            if (cell.IsEmpty)
            {
                continue;
            }
            var reference = ColumnName(c) + index.ToString(CultureInfo.InvariantCulture);
            var element = cell.Number is { } number
                ? new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number) }
                : new Cell(new InlineString(new Text(XmlSafe(cell.Text!)) { Space = SpaceProcessingModeValues.Preserve }))
                {
                    CellReference = reference,
                    DataType = CellValues.InlineString,
                };
            if (style is { } s)
            {
                element.StyleIndex = s;
            }
            writer.WriteElement(element);
        }
        writer.WriteEndElement();
    }

    /// <summary>"A", "B", …, "Z", "AA", …: the letters of a 0-based column index.</summary>
    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }
        return name;
    }

    /// <summary>Drops characters XML cannot carry (control characters a JSON string may hold).</summary>
    private static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe.Append(text, i, 2);
                i++;
            }
        }
        return safe.ToString();
    }

    private string UniqueName(string name)
    {
        var invalid = "[]:*?/\\".ToCharArray();
        var clean = new string(name.Select(ch => invalid.Contains(ch) || char.IsControl(ch) ? '_' : ch).ToArray()).Trim('\'', ' ');
        clean = clean.Length == 0 ? "Sheet" : clean;
        var candidate = clean.Length > 31 ? clean[..31] : clean;
        for (var n = 2; !_names.Add(candidate); n++)
        {
            var suffix = " (" + n.ToString(CultureInfo.InvariantCulture) + ")";
            candidate = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }
        return candidate;
    }

    /// <summary>The minimal stylesheet: the default font and a bold one for headers.</summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });
}
