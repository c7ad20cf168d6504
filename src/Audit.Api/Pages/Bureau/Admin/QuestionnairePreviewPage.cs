using System.Globalization;
using Audit.Application.Questionnaires;
using Audit.Core.Questionnaires;
using Audit.Reports.Localization;

namespace Audit.Api.Pages.Bureau.Admin;

/// <summary>
/// <c>/bureau/vragenlijsten/{key}/{version}</c>: a version as respondents will see it, read-only: theme by theme, each
/// question numbered as on the respondent's form with its control's choices, hints, unit and conditions, and the
/// rounds that ask it. <c>…/vergelijking?met={older}</c> compares it with an earlier version (<see cref="CompareQuestionnaires"/>).
/// </summary>
public static class QuestionnairePreviewPage
{
    public const string Name = "bureau/questionnaire";
    public const string CompareName = "bureau/questionnaire-compare";
    public const string CompareQuery = "met";

    // Questionnaire texts are ShownText: in the page's language where the version has it, else Dutch with its lang.
    public sealed record ChoiceView(string Value, ShownText? Label, string? LabelKey);

    public sealed record GridView(IReadOnlyList<ShownText> Columns, IReadOnlyList<ShownText> Rows);

    public sealed record QuestionView(
        string Number, string Key, string Type, ShownText Text, ShownText? Help, bool Required, IReadOnlyList<ChoiceView> Choices, GridView? Grid,
        string? Unit, string? Min, string? Max, bool Integer, int? MinSelected, int? MaxSelected, int MaxLength, string? VisibleWhen, string? VisibleEquals);

    public sealed record ThemeView(int Number, string Key, ShownText Title, ShownText? Description, IReadOnlyList<QuestionView> Questions);

    public sealed record Header(string Key, string Version, ShownText Title, ShownText? Description, string Language, string Href, string? CompareHref);

    public sealed record Model(Header Questionnaire, IReadOnlyList<ThemeView> Themes, int QuestionCount, IReadOnlyList<QuestionnairesPage.RoundLink> Rounds, string? Message);

    public sealed record VersionOption(string Version, bool Selected);

    public sealed record ChangeView(string Key, string? OlderType, string? NewerType, ShownText? OlderText, ShownText? NewerText,
        IReadOnlyList<string> OptionsAdded, IReadOnlyList<string> OptionsRemoved, IReadOnlyList<string> OptionsRelabelled);

    public sealed record BriefView(string Key, string Type, ShownText Text);

    public sealed record Comparison(string From, IReadOnlyList<BriefView> Added, IReadOnlyList<BriefView> Removed, IReadOnlyList<ChangeView> Changed, int Unchanged);

    public sealed record CompareModel(Header Questionnaire, IReadOnlyList<VersionOption> Versions, Comparison? Result, string? Error);

    public static string ComparePath(string key, string version) => QuestionnairesPage.VersionPath(key, version) + "/vergelijking";

    public static async Task<IResult> ShowAsync(
        string key, string version, HttpContext context, ClaimsPrincipal principal, ReadQuestionnaires read, ReadQuestionnaireUses uses,
        CancellationToken cancellationToken)
    {
        var caller = principal.ToCaller();
        if (!(await read.ParsedAsync(caller, key, version, cancellationToken)).TryGetValue(out var questionnaire, out var failure))
        {
            return BureauForms.Failed(failure);
        }
        if (!(await uses.ExecuteAsync(caller, cancellationToken)).TryGetValue(out var all, out failure))
        {
            return BureauForms.Failed(failure);
        }
        var rounds = all.FirstOrDefault(u => u.Questionnaire.Key == key && u.Questionnaire.Version == version)?.Rounds ?? [];
        var hasEarlier = all.Any(u => u.Questionnaire.Key == key && u.Questionnaire.Version != version);
        var language = PageLanguage.Resolve(context).Code();
        var themes = questionnaire.Themes.Select((t, i) => new ThemeView(i + 1, t.Key,
            QuestionnaireTexts.Show(t.LocalizedTitle, language), QuestionnaireTexts.ShowOptional(t.LocalizedDescription, language),
            [.. t.Questions.Select((q, j) => QuestionOf(q, $"{i + 1}.{j + 1}", language))])).ToList();
        var message = BureauForms.Message(context.Request.Query[QuestionnairesPage.MessageQuery], "uploaded", "unchanged");
        return new HtmlPage(Name, new Model(HeaderOf(questionnaire, hasEarlier, language), themes, themes.Sum(t => t.Questions.Count),
            [.. rounds.Select(r => new QuestionnairesPage.RoundLink(r.Id, r.Title, BureauPages.RoundPath(r.Id)))], message));
    }

    public static async Task<IResult> CompareAsync(
        string key, string version, HttpContext context, ClaimsPrincipal principal, ReadQuestionnaires read, ReadQuestionnaireUses uses,
        CompareQuestionnaires compare, CancellationToken cancellationToken)
    {
        var caller = principal.ToCaller();
        if (!(await read.ParsedAsync(caller, key, version, cancellationToken)).TryGetValue(out var questionnaire, out var failure))
        {
            return BureauForms.Failed(failure);
        }
        if (!(await uses.ExecuteAsync(caller, cancellationToken)).TryGetValue(out var all, out failure))
        {
            return BureauForms.Failed(failure);
        }
        var others = all.Select(u => u.Questionnaire).Where(q => q.Key == key && q.Version != version).Select(q => q.Version).ToList();
        var chosen = context.Request.Query[CompareQuery].ToString();
        var header = HeaderOf(questionnaire, others.Count > 0, PageLanguage.Resolve(context).Code());
        var versions = others.Select(v => new VersionOption(v, v == chosen)).ToList();
        if (chosen.Length == 0)
        {
            return new HtmlPage(CompareName, new CompareModel(header, versions, null, null));
        }
        var outcome = await compare.ExecuteAsync(caller, key, version, chosen, cancellationToken);
        if (!outcome.TryGetValue(out var view, out failure))
        {
            return failure is Failure.Invalid
                ? new HtmlPage(CompareName, new CompareModel(header, versions, null, "unknown_version"), StatusCodes.Status400BadRequest)
                : BureauForms.Failed(failure);
        }
        var d = view.Differences;
        var language = PageLanguage.Resolve(context).Code();
        BriefView Brief(Question q) => new(q.Key, q.Type.ToWireName(), QuestionnaireTexts.Show(q.LocalizedText, language));
        // A changed text is shown in the page's language: on an English page a reworded English text is the change to see.
        ShownText? TextOf(Questionnaire version, string key, bool changed) =>
            changed && version.FindQuestion(key) is { } question ? QuestionnaireTexts.Show(question.LocalizedText, language) : null;
        var result = new Comparison(view.Older.Version, [.. d.Added.Select(Brief)], [.. d.Removed.Select(Brief)],
            [.. d.Changed.Select(c => new ChangeView(c.Key, c.OlderType?.ToWireName(), c.NewerType?.ToWireName(),
                TextOf(view.Older, c.Key, c.TextChanged), TextOf(view.Newer, c.Key, c.TextChanged),
                c.OptionsAdded, c.OptionsRemoved, c.OptionsRelabelled))], d.Unchanged);
        return new HtmlPage(CompareName, new CompareModel(header, versions, result, null));
    }

    private static Header HeaderOf(Questionnaire q, bool hasEarlier, string language) =>
        new(q.Key, q.Version, QuestionnaireTexts.Show(q.LocalizedTitle, language), QuestionnaireTexts.ShowOptional(q.LocalizedDescription, language), q.Language, QuestionnairesPage.VersionPath(q.Key, q.Version), hasEarlier ? ComparePath(q.Key, q.Version) : null);

    private static QuestionView QuestionOf(Question q, string number, string language)
    {
        static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
        return new QuestionView(number, q.Key, q.Type.ToWireName(), QuestionnaireTexts.Show(q.LocalizedText, language),
            QuestionnaireTexts.ShowOptional(q.LocalizedHelp, language), q.Required, ChoicesOf(q, language),
            q.Type == QuestionType.Grid
                ? new GridView([.. q.Columns.Select(c => QuestionnaireTexts.Show(c.LocalizedLabel, language))],
                    [.. q.Rows.Select(r => QuestionnaireTexts.Show(r.LocalizedLabel, language))])
                : null,
            QuestionnaireTexts.ShowOptional(q.LocalizedUnit, language)?.Text, Number(q.Min), Number(q.Max), q.Integer, q.MinSelected, q.MaxSelected, q.EffectiveMaxLength,
            q.VisibleWhen?.Question, q.VisibleWhen?.EqualsValue);
    }

    /// <summary>The choices as the respondent's form offers them (see <c>ThemeViews</c>): fixed texts by key, the questionnaire's own labels as written.</summary>
    private static List<ChoiceView> ChoicesOf(Question q, string language)
    {
        var levels = q.LocalizedLevels;
        var choices = q.Type switch
        {
            QuestionType.YesNo => [new ChoiceView("yes", null, "yes"), new ChoiceView("no", null, "no")],
            QuestionType.Maturity => [.. Enumerable.Range(Question.MaturityMin, Question.MaturityMax - Question.MaturityMin + 1).Select(level =>
            {
                var value = level.ToString(CultureInfo.InvariantCulture);
                return new ChoiceView(value, levels?.GetValueOrDefault(level) is { } label && QuestionnaireTexts.Show(label, language) is var shown
                    ? shown with { Text = $"{value} – {shown.Text}" }
                    : new ShownText(value, null), null);
            })],
            QuestionType.SingleChoice or QuestionType.MultiChoice => q.Options.Select(o => new ChoiceView(o.Key, QuestionnaireTexts.Show(o.LocalizedLabel, language), null)).ToList(),
            _ => new List<ChoiceView>(),
        };
        if (q.AllowNotApplicable && q.Type is QuestionType.YesNo or QuestionType.Maturity)
        {
            choices.Add(new ChoiceView(Question.NotApplicable, null, Question.NotApplicable));
        }
        return choices;
    }
}
