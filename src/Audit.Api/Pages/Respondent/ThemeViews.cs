using System.Globalization;
using System.Text.Json;
using Audit.Core.Answers;
using Audit.Core.Questionnaires;

namespace Audit.Api.Pages.Respondent;

/// <summary>
/// What the theme page shows besides the stored answers: what was entered (after a refused post), errors per
/// question, versions to expect on the next save (a conflict moves them to the colleague's), and the evidence state.
/// </summary>
public sealed record ThemeEntries(
    IReadOnlyDictionary<string, JsonElement> Values,
    IReadOnlyDictionary<string, RawAnswer> Entered,
    IReadOnlyDictionary<string, FieldError> Errors,
    IReadOnlyDictionary<string, int> Versions)
{
    /// <summary>As stored: nothing entered, no errors.</summary>
    public static ThemeEntries Stored(RespondentView view) =>
        new(view.Values, new Dictionary<string, RawAnswer>(), new Dictionary<string, FieldError>(), view.Answers.ToDictionary(a => a.Key, a => a.Value.Version));
}

/// <summary>Builds <see cref="ThemePageModel"/>: one question view per question, in questionnaire order, with the ids that tie it together.</summary>
public static class ThemeViews
{
    /// <summary>Which question's upload was refused and why (a key under <c>t.theme.evidence_errors</c>), and the size limit to state.</summary>
    public sealed record EvidenceState(string? ErrorQuestion, string? Error, long MaxBytes);

    public static ThemePageModel Build(
        RespondentView view, Theme theme, ThemeEntries entries, EvidenceState evidence, string? status, string? formError, CultureInfo culture,
        string tokenHeader, string pageLanguage)
    {
        var questionnaire = view.Scope.Questionnaire;
        var index = questionnaire.Themes.ToList().IndexOf(theme);
        var onPage = theme.Questions.Select(q => q.Key).ToHashSet(StringComparer.Ordinal);
        var questions = theme.Questions.Select((q, i) => QuestionOf(view, q, $"{index + 1}.{i + 1}", onPage, entries, evidence, culture, pageLanguage)).ToList();
        var errors = questions.Where(q => q.Error is not null && !q.Hidden)
            .Select(q => new ErrorLink("#" + (q.Error!.CellId ?? q.FocusId), q.Number, "errors", q.Error)).ToList();
        errors.AddRange(questions.Where(q => q.EvidenceError is not null).Select(q =>
            new ErrorLink("#f-" + q.Key, q.Number, "evidence_errors", new FieldError(q.EvidenceError!, q.EvidenceMaxMegabytes))));
        var progress = AnswerValidator.ProgressPerTheme(questionnaire, view.Values);
        var themes = questionnaire.Themes.Select((t, i) =>
        {
            var title = QuestionnaireTexts.Show(t.LocalizedTitle, pageLanguage);
            return new ThemeLink(t.Key, i + 1, title.Text, RespondentPages.Theme(view.Id, t.Key), t == theme,
                progress[i].Required, progress[i].RequiredAnswered, progress[i].IsComplete) { TitleLang = title.Lang };
        }).ToList();
        var heading = QuestionnaireTexts.Show(theme.LocalizedTitle, pageLanguage);
        var description = QuestionnaireTexts.ShowOptional(theme.LocalizedDescription, pageLanguage);
        return new ThemePageModel(
            view.Header(), questionnaire.Language, new ThemeHeading(theme.Key, index + 1, heading.Text, description?.Text)
            {
                TitleLang = heading.Lang,
                DescriptionLang = description?.Lang,
            }, themes, questions, errors,
            status, formError, RespondentPages.Theme(view.Id, theme.Key),
            index > 0 ? themes[index - 1].Href : null,
            index + 1 < themes.Count ? themes[index + 1].Href : null,
            RespondentPages.Summary(view.Id),
            new AutosaveView(RespondentPages.AnswersApi(view.Id), tokenHeader));
    }

    private static QuestionView QuestionOf(
        RespondentView view, Question q, string number, HashSet<string> onPage, ThemeEntries entries, EvidenceState evidence, CultureInfo culture,
        string pageLanguage)
    {
        var text = QuestionnaireTexts.Show(q.LocalizedText, pageLanguage);
        var help = QuestionnaireTexts.ShowOptional(q.LocalizedHelp, pageLanguage);
        var raw = entries.Entered.TryGetValue(q.Key, out var entered) ? entered
            : entries.Values.TryGetValue(q.Key, out var stored) ? ThemeForm.FromStored(q, stored, culture)
            : RawAnswer.Empty;
        var error = entries.Errors.GetValueOrDefault(q.Key);
        var commentError = error?.CellId == ThemeIds.Comment(q.Key);
        var comment = raw.Comment ?? view.Answers.GetValueOrDefault(q.Key)?.Comment;
        var remark = view.RemarkFor(q.Key);
        var hasHint = q.Help is not null || q.Reference is not null || q.Type is QuestionType.Number or QuestionType.Text
            || (q.Type == QuestionType.MultiChoice && (q.MinSelected is not null || q.MaxSelected is not null));
        var describedBy = string.Join(' ', new[]
        {
            remark is null ? null : "r-" + q.Key,
            hasHint ? ThemeIds.Hint(q.Key) : null,
            q.Type == QuestionType.Text ? "n-" + q.Key : null,
            error is null || commentError ? null : ThemeIds.Error(q.Key),
        }.Where(id => id is not null));
        var condition = q.VisibleWhen is { } when && onPage.Contains(when.Question) ? when : null;
        var choices = Choices(q, raw, pageLanguage);
        var documents = view.Evidence.Where(d => d.QuestionKey == q.Key).Select(d => new EvidenceView(
            d.Id, d.FileName, Math.Max(1, (d.SizeBytes + 1023) / 1024), RespondentPages.EvidenceDownload(view.Id, q.Key, d.Id),
            RespondentPages.RemoveEvidence(view.Id, q.Key, d.Id))).ToList();
        return new QuestionView
        {
            Key = q.Key,
            Number = number,
            Type = q.Type.ToWireName(),
            Text = text.Text,
            TextLang = text.Lang,
            Help = help?.Text,
            HelpLang = help?.Lang,
            Reference = q.Reference,
            Required = q.Required,
            Hidden = !Visibility.IsVisible(view.Scope.Questionnaire, q, entries.Values),
            VisibleWhen = condition?.Question,
            VisibleEquals = condition?.EqualsValue,
            Id = ThemeIds.Question(q.Key),
            FieldId = ThemeIds.Field(q.Key),
            FocusId = q.Type switch
            {
                QuestionType.Grid => ThemeIds.Cell(q.Key, 0, 0),
                QuestionType.Number or QuestionType.Text => ThemeIds.Field(q.Key),
                _ => ThemeIds.Option(q.Key, 0),
            },
            ErrorId = ThemeIds.Error(q.Key),
            HintId = hasHint ? ThemeIds.Hint(q.Key) : "",
            StatusId = ThemeIds.Status(q.Key),
            DescribedBy = describedBy,
            Name = ThemeForm.AnswerField(q.Key),
            VersionName = ThemeForm.VersionField(q.Key),
            Version = entries.Versions.TryGetValue(q.Key, out var version) ? version.ToString(CultureInfo.InvariantCulture) : "",
            Error = error,
            Remark = remark,
            Comment = comment,
            CommentName = ThemeForm.CommentField(q.Key),
            CommentId = ThemeIds.Comment(q.Key),
            CommentOpen = !string.IsNullOrWhiteSpace(comment) || remark is not null || commentError,
            CommentError = commentError,
            NumberRule = q.Type == QuestionType.Number ? ThemeForm.NumberError(q) : null,
            // Read-only answers name their options in the page's language, like the rest of the page.
            Answer = !view.Editable && entries.Values.TryGetValue(q.Key, out var shown)
                ? Bureau.AnswerDisplay.Of(view.Scope.Questionnaire.In(pageLanguage).FindQuestion(q.Key) ?? q, shown)
                : null,
            Choices = choices,
            Value = raw.Text,
            // The unit sits inside a sentence of the page's own text, so it takes the page's language or, failing that, Dutch unmarked.
            Unit = QuestionnaireTexts.ShowOptional(q.LocalizedUnit, pageLanguage)?.Text,
            Bounds = q.Type == QuestionType.Number ? new NumberBounds(q.Min, q.Max, q.Integer) : null,
            MinSelected = q.MinSelected,
            MaxSelected = q.MaxSelected,
            MaxLength = q.EffectiveMaxLength,
            Grid = q.Type == QuestionType.Grid ? Grid(q, raw, error, pageLanguage) : null,
            Evidence = documents,
            UploadFormId = "u-" + q.Key,
            UploadAction = RespondentPages.Upload(view.Id, q.Key),
            EvidenceError = evidence.ErrorQuestion == q.Key ? evidence.Error : null,
            EvidenceMaxMegabytes = Math.Round(evidence.MaxBytes / (1024m * 1024m), 1),
        };
    }

    private static List<ChoiceView> Choices(Question q, RawAnswer raw, string pageLanguage)
    {
        var levels = q.LocalizedLevels;
        var options = q.Type switch
        {
            QuestionType.YesNo => [("yes", new ShownText("", null), "yes"), ("no", new ShownText("", null), "no")],
            QuestionType.Maturity => Enumerable.Range(Core.Questionnaires.Question.MaturityMin, Core.Questionnaires.Question.MaturityMax - Core.Questionnaires.Question.MaturityMin + 1)
                .Select(level => (level.ToString(CultureInfo.InvariantCulture),
                    levels?.GetValueOrDefault(level) is { } label && QuestionnaireTexts.Show(label, pageLanguage) is var shown
                        ? shown with { Text = $"{level} – {shown.Text}" }
                        : new ShownText(level.ToString(CultureInfo.InvariantCulture), null), (string?)null))
                .ToList(),
            QuestionType.SingleChoice or QuestionType.MultiChoice => q.Options.Select(o => (o.Key, QuestionnaireTexts.Show(o.LocalizedLabel, pageLanguage), (string?)null)).ToList(),
            _ => new List<(string, ShownText, string?)>(),
        };
        if (q.AllowNotApplicable && q.Type is QuestionType.YesNo or QuestionType.Maturity)
        {
            options.Add((Core.Questionnaires.Question.NotApplicable, new ShownText("", null), Core.Questionnaires.Question.NotApplicable));
        }
        return options.Select((o, i) => new ChoiceView(ThemeIds.Option(q.Key, i), o.Item1, o.Item2.Text, o.Item3,
            q.Type == QuestionType.MultiChoice ? raw.Selected.Contains(o.Item1) : raw.Text == o.Item1) { LabelLang = o.Item2.Lang }).ToList();
    }

    private static GridView Grid(Question q, RawAnswer raw, FieldError? error, string pageLanguage)
    {
        var columns = q.Columns.Select((c, j) =>
        {
            var label = QuestionnaireTexts.Show(c.LocalizedLabel, pageLanguage);
            return new GridColumnView($"{ThemeIds.Field(q.Key)}-col{j}", label.Text) { LabelLang = label.Lang };
        }).ToList();
        var rows = q.Rows.Select((r, i) =>
        {
            var label = QuestionnaireTexts.Show(r.LocalizedLabel, pageLanguage);
            var cells = q.Columns.Select((c, j) => new GridCellView(
                ThemeIds.Cell(q.Key, i, j), ThemeForm.CellField(q.Key, r.Key, c.Key), raw.Cell(r.Key, c.Key),
                $"{ThemeIds.Field(q.Key)}-row{i} {ThemeIds.Field(q.Key)}-col{j}", error?.CellId == ThemeIds.Cell(q.Key, i, j))).ToList();
            return new GridRowView($"{ThemeIds.Field(q.Key)}-row{i}", label.Text, cells) { LabelLang = label.Lang };
        }).ToList();
        return new GridView(columns, rows);
    }
}
