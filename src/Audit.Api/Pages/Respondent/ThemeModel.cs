namespace Audit.Api.Pages.Respondent;

/// <summary>
/// The model of <c>pages/theme</c>: one theme of a participation's questionnaire as a form. Texts are keys under
/// <c>t.theme</c> where the page words something itself; question texts come from the questionnaire in the page's language
/// where it has them, else in its own language (<see cref="ContentLang"/>): each such text carries that language in its
/// <c>*Lang</c> property, which the template writes as <c>lang</c> (partial <c>pages/shared/_lang</c>).
/// </summary>
public sealed record ThemePageModel(
    ParticipationHeader Header,
    string ContentLang,
    ThemeHeading Theme,
    IReadOnlyList<ThemeLink> Themes,
    IReadOnlyList<QuestionView> Questions,
    IReadOnlyList<ErrorLink> Errors,
    string? Status,
    string? FormError,
    string Action,
    string? PreviousHref,
    string? NextHref,
    string SummaryHref,
    AutosaveView Autosave);

/// <summary>What every respondent page about one participation says at the top: which round, whose, where it stands.</summary>
public sealed record ParticipationHeader(
    string ParticipationId, string RoundTitle, string InstitutionName, string Status, bool Editable, string? Locked,
    string? ReviewSummary, bool Returned, string ListHref, string SummaryHref)
{
    /// <summary>The remarks at questions of the return; none when the bureau returned with a summary only.</summary>
    public int ReturnRemarks { get; init; }
}

/// <summary>The theme's title and description in the page's language; a <c>*Lang</c> is set where the text fell back to Dutch.</summary>
public sealed record ThemeHeading(string Key, int Number, string Title, string? Description)
{
    public string? TitleLang { get; init; }

    public string? DescriptionLang { get; init; }
}

/// <summary>A theme in the theme navigation, with its progress: required questions answered of required (visible) ones.</summary>
public sealed record ThemeLink(string Key, int Number, string Title, string Href, bool Current, int Required, int RequiredAnswered, bool Complete)
{
    /// <summary>The language of <see cref="Title"/> when it is not the page's (a fallback to Dutch), else null.</summary>
    public string? TitleLang { get; init; }
}

/// <summary>
/// An entry of the error summary: links to the field (<see cref="Href"/>) and words it like the field's own message, a text
/// under <c>t.theme.{Section}</c> (<c>errors</c> for answers, <c>evidence_errors</c> for an upload).
/// </summary>
public sealed record ErrorLink(string Href, string Number, string Section, FieldError Error);

/// <summary>The autosave script's settings: where answers live in the API and which header carries the antiforgery token.</summary>
public sealed record AutosaveView(string AnswersUrl, string TokenHeader);

/// <summary>A radio button or check box: <see cref="LabelKey"/> names a text under <c>t.theme.choices</c>, else <see cref="Label"/> is shown.</summary>
public sealed record ChoiceView(string Id, string Value, string Label, string? LabelKey, bool Checked)
{
    /// <summary>The language of <see cref="Label"/> when it is not the page's (a fallback to Dutch), else null.</summary>
    public string? LabelLang { get; init; }
}

public sealed record GridColumnView(string Id, string Label)
{
    public string? LabelLang { get; init; }
}

public sealed record GridCellView(string Id, string Name, string Value, string LabelledBy, bool Invalid);

public sealed record GridRowView(string Id, string Label, IReadOnlyList<GridCellView> Cells)
{
    public string? LabelLang { get; init; }
}

public sealed record GridView(IReadOnlyList<GridColumnView> Columns, IReadOnlyList<GridRowView> Rows);

/// <summary>Bounds of a number question, for its hint; null where the question sets none.</summary>
public sealed record NumberBounds(decimal? Min, decimal? Max, bool Integer)
{
    /// <summary>The bounds as autosave.js reads them (<c>data-min</c>, <c>data-max</c>): invariant, whatever the page's language.</summary>
    public string? MinText => Min?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string? MaxText => Max?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record EvidenceView(string Id, string FileName, decimal KiloBytes, string Href, string DeleteAction);

/// <summary>
/// One question with what the template needs to draw its control: ids that tie label, hint, error and status together,
/// the field names of <see cref="ThemeForm"/>, the entered value, and the conditions the script evaluates
/// (<see cref="VisibleWhen"/> names a question on the same page; a condition on another theme is decided by the server).
/// </summary>
public sealed record QuestionView
{
    public required string Key { get; init; }
    public required string Number { get; init; }
    public required string Type { get; init; }
    public required string Text { get; init; }
    /// <summary>The language of <see cref="Text"/> when it is not the page's (a fallback to Dutch), else null; likewise <see cref="HelpLang"/>.</summary>
    public string? TextLang { get; init; }
    public string? Help { get; init; }
    public string? HelpLang { get; init; }

    /// <summary>The part of the guidelines the question tests, shown in the hint (a Dutch citation, marked <c>lang="nl"</c>).</summary>
    public string? Reference { get; init; }
    public bool Required { get; init; }
    public bool Hidden { get; init; }
    public string? VisibleWhen { get; init; }
    public string? VisibleEquals { get; init; }
    public required string Id { get; init; }
    public required string FieldId { get; init; }
    public required string FocusId { get; init; }
    public required string ErrorId { get; init; }
    public required string HintId { get; init; }
    public required string StatusId { get; init; }
    public required string DescribedBy { get; init; }
    public required string Name { get; init; }
    public required string VersionName { get; init; }
    public required string Version { get; init; }
    public FieldError? Error { get; init; }
    public string? Remark { get; init; }

    /// <summary>The comment ("Toelichting") as entered or stored; its field is <see cref="CommentName"/>, element <see cref="CommentId"/>.</summary>
    public string? Comment { get; init; }
    public required string CommentName { get; init; }
    public required string CommentId { get; init; }

    /// <summary>The comment field starts open: it holds text, or the bureau's remark asks for an explanation.</summary>
    public bool CommentOpen { get; init; }

    /// <summary><see cref="Error"/> is about the comment, not the answer: it is shown at the comment field.</summary>
    public bool CommentError { get; init; }

    /// <summary>For a number question: the message for any entry it refuses, which autosave.js shows before sending.</summary>
    public FieldError? NumberRule { get; init; }

    /// <summary>The stored answer as text, for the read-only page (submitted, accepted, closed); null when unanswered or editable.</summary>
    public Bureau.AnswerValue? Answer { get; init; }
    public IReadOnlyList<ChoiceView> Choices { get; init; } = [];
    public string Value { get; init; } = "";
    public string? Unit { get; init; }
    public NumberBounds? Bounds { get; init; }
    public int? MinSelected { get; init; }
    public int? MaxSelected { get; init; }
    public int MaxLength { get; init; }
    public GridView? Grid { get; init; }
    public IReadOnlyList<EvidenceView> Evidence { get; init; } = [];
    public required string UploadFormId { get; init; }
    public required string UploadAction { get; init; }
    public string? EvidenceError { get; init; }
    public decimal EvidenceMaxMegabytes { get; init; }
}
