using Audit.Core.Time;
using Audit.Application.Access;
using System.Globalization;
using Audit.Application.Questionnaires;
using Audit.Application.Requests;
using Audit.Application.Rounds;
using Audit.Core.Institutions;
using Audit.Core.Rounds;
using Microsoft.AspNetCore.Antiforgery;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// <c>/bureau/rondes/nieuw</c>: an admin creates a round through <see cref="CreateRound"/>, like <c>POST /api/v1/rounds</c>:
/// title, questionnaire version (from the uploaded ones), opening and closing in Dutch time, reporting date, baseline
/// round, disclosure settings (defaults filled in), and the participants: every active institution of the ticked
/// types ("all universities" is one tick) and/or the institutions (with their contacts) of an earlier round. Every
/// invalid field is listed at once and linked; success goes to the round's institutions page (post/redirect/get).
/// </summary>
public static class NewRoundPage
{
    public const string Name = "bureau/round-new";
    public const string Path = BureauPages.RoundsPath + "/nieuw";

    /// <summary>The form's fields: name posted, element id, and the use case's error keys that land on it.</summary>
    public static readonly IReadOnlyList<RoundField> Fields =
    [
        new("id", "ronde-id", "id"),
        new("cyclus", "cyclus", "cycle"),
        new("titel", "titel", "title"),
        new("vragenlijst", "vragenlijst", "questionnaire", "questionnaire.key", "questionnaire.version"),
        new("opent", "opent", "opensAt"),
        new("sluit", "sluit", "closesAt"),
        new("peildatum", "peildatum", "referenceDate"),
        new("nulmeting", "nulmeting", "baselineRoundId"),
        new("minimale_groep", "minimale-groep", "disclosure.minGroupSize"),
        new("dominantie_n", "dominantie-n", "disclosure.dominance.n"),
        new("dominantie_k", "dominantie-k", "disclosure.dominance.k"),
        new("type", "type-" + InstitutionType.Universiteit.ToWireName(), "institutionTypes"),
        new("deelnemers_van", "deelnemers-van", "participantsFrom"),
    ];

    public sealed record Option(string Value, string Label, bool Selected);

    public sealed record TypeChoice(string Value, string Id, bool Checked);

    public sealed record Model(
        bool CanCreate, IReadOnlyDictionary<string, RoundFieldView> Fields, IReadOnlyList<PageError> Errors,
        IReadOnlyList<Option> Questionnaires, IReadOnlyList<Option> Rounds, IReadOnlyList<TypeChoice> Types, string Action, string CancelHref,
        int DefaultMinGroupSize, int DefaultDominanceN, string DefaultDominanceK);

    public static async Task<IResult> ShowAsync(
        ClaimsPrincipal principal, ReadRounds rounds, ReadQuestionnaires questionnaires, CancellationToken cancellationToken)
    {
        var caller = principal.ToCaller();
        var defaults = new Dictionary<string, string?>
        {
            ["minimale_groep"] = DisclosureSettings.Default.MinGroupSize.ToString(CultureInfo.InvariantCulture),
            ["dominantie_n"] = DominanceRule.Default.N.ToString(CultureInfo.InvariantCulture),
            ["dominantie_k"] = DominanceRule.Default.K.ToString(CultureInfo.InvariantCulture),
        };
        return await FormAsync(caller, rounds, questionnaires, defaults, new Dictionary<string, string>(), [], StatusCodes.Status200OK, cancellationToken);
    }

    public static async Task<IResult> CreateAsync(
        HttpContext context, IAntiforgery antiforgery, ClaimsPrincipal principal, CreateRound create, ReadRounds rounds,
        ReadQuestionnaires questionnaires, CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is not { } form)
        {
            return BureauForms.Refused(context);
        }
        var caller = principal.ToCaller();
        var values = Fields.Where(f => f.Name != "type").ToDictionary(f => f.Name, f => BureauForms.Text(form, f.Name));
        var types = form["type"].Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).ToList();
        var parseErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        var draft = DraftOf(values, parseErrors);
        var participants = new RoundParticipants(values["deelnemers_van"], types);
        values["type"] = string.Join(',', types);
        var outcome = parseErrors.Count == 0
            ? await create.ExecuteAsync(caller, draft, participants, cancellationToken)
            // What the page could not read is listed with the rest of the use case's findings, without writing anything.
            : new Failure.Invalid(FieldErrors.ToDictionary(RoundRules.Validate(draft)));
        if (outcome.TryGetValue(out var created, out var failure))
        {
            return Results.Redirect(RoundInstitutionsPage.PathWith(created.Record.Round.Id,
                created.SkippedInactive.Count > 0 ? "created_skipped" : "created", created.Invited, created.SkippedInactive.Count));
        }
        var fieldErrors = new Dictionary<string, string>(parseErrors, StringComparer.Ordinal);
        switch (failure)
        {
            case Failure.Invalid invalid:
                foreach (var field in Fields.Where(f => f.Keys.Any(invalid.Errors.ContainsKey)))
                {
                    fieldErrors.TryAdd(field.Name, field.Name);
                }
                break;
            case Failure.Conflict:
                fieldErrors["id"] = "id_taken";
                break;
            case Failure.Forbidden:
                return await FormAsync(caller, rounds, questionnaires, values, new Dictionary<string, string>(), [new PageError(null, "forbidden")], StatusCodes.Status403Forbidden, cancellationToken);
            default:
                return BureauForms.Failed(failure);
        }
        var errors = Fields.Where(f => fieldErrors.ContainsKey(f.Name)).Select(f => new PageError(f.Id, fieldErrors[f.Name])).ToList();
        var status = failure is Failure.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return await FormAsync(caller, rounds, questionnaires, values, fieldErrors, errors, status, cancellationToken);
    }

    /// <summary>The draft from the form; a value the page cannot read is left out and noted in <paramref name="parseErrors"/>.</summary>
    private static RoundDraft DraftOf(IReadOnlyDictionary<string, string?> values, Dictionary<string, string> parseErrors)
    {
        DateTimeOffset? Moment(string field)
        {
            if (values[field] is null)
            {
                return null;
            }
            if (AmsterdamTime.TryParse(values[field], out var utc))
            {
                return utc;
            }
            parseErrors[field] = field;
            return null;
        }
        int? Whole(string field)
        {
            if (values[field] is not { } text)
            {
                return null;
            }
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole))
            {
                return whole;
            }
            parseErrors[field] = field;
            return null;
        }
        DateOnly? referenceDate = null;
        if (values["peildatum"] is { } text)
        {
            if (AmsterdamTime.TryParseDate(text, out var date))
            {
                referenceDate = date;
            }
            else
            {
                parseErrors["peildatum"] = "peildatum";
            }
        }
        decimal? k = null;
        if (values["dominantie_k"] is { } kText)
        {
            if (decimal.TryParse(kText.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
            {
                k = parsed;
            }
            else
            {
                parseErrors["dominantie_k"] = "dominantie_k";
            }
        }
        var (key, version) = values["vragenlijst"]?.Split('@', 2) is [var qk, var qv] ? (qk, qv) : (values["vragenlijst"], null);
        var minGroup = Whole("minimale_groep");
        var dominanceN = Whole("dominantie_n");
        var disclosure = new DisclosureSettings(minGroup ?? DisclosureSettings.Default.MinGroupSize,
            new DominanceRule(dominanceN ?? DominanceRule.Default.N, k ?? DominanceRule.Default.K));
        return new RoundDraft(values["id"], values["titel"], key, version, Moment("opent"), Moment("sluit"), values["nulmeting"], disclosure, referenceDate, values["cyclus"]);
    }

    private static async Task<IResult> FormAsync(
        Caller caller, ReadRounds rounds, ReadQuestionnaires questionnaires, IReadOnlyDictionary<string, string?> values,
        IReadOnlyDictionary<string, string> fieldErrors, IReadOnlyList<PageError> errors, int status, CancellationToken cancellationToken)
    {
        var listed = await questionnaires.ExecuteAsync(caller, cancellationToken);
        var all = await rounds.ExecuteAsync(caller, status: null, PageInput.All, cancellationToken);
        if (!listed.TryGetValue(out var versions, out var failure) || !all.TryGetValue(out var page, out failure))
        {
            return BureauForms.Failed(failure);
        }
        var chosen = values.GetValueOrDefault("vragenlijst");
        var questionnaireOptions = versions.OrderBy(q => q.Key, StringComparer.Ordinal).ThenByDescending(q => q.CreatedAt)
            .Select(q => new Option($"{q.Key}@{q.Version}", $"{q.Title} ({q.Key} {q.Version})", $"{q.Key}@{q.Version}" == chosen)).ToList();
        var roundOptions = page.Items.Select(r => new Option(r.Round.Id, $"{r.Round.Title} ({r.Round.Id})", false)).ToList();
        var ticked = (values.GetValueOrDefault("type") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var types = Enum.GetValues<InstitutionType>().Select(t => t.ToWireName())
            .Select(t => new TypeChoice(t, "type-" + t, ticked.Contains(t))).ToList();
        return new HtmlPage(Name, new Model(caller.IsAdmin, RoundField.Views(Fields, values, fieldErrors), errors, questionnaireOptions, roundOptions, types, Path,
            BureauPages.RoundsPath, DisclosureSettings.Default.MinGroupSize, DominanceRule.Default.N,
            DominanceRule.Default.K.ToString(CultureInfo.InvariantCulture)), status);
    }
}

/// <summary>A field of a round form: the name it posts, its element id, and the API error keys that belong to it.</summary>
public sealed record RoundField(string Name, string Id, params string[] Keys)
{
    /// <summary>
    /// Every field as the template shows it, keyed by its name (all present, so the template never reads a missing key):
    /// the value typed or stored, and the key of its error text (null when it is fine).
    /// </summary>
    public static IReadOnlyDictionary<string, RoundFieldView> Views(
        IEnumerable<RoundField> fields, IReadOnlyDictionary<string, string?> values, IReadOnlyDictionary<string, string> errors) =>
        fields.ToDictionary(f => f.Name, f => new RoundFieldView(f.Name, f.Id, values.GetValueOrDefault(f.Name), errors.GetValueOrDefault(f.Name)),
            StringComparer.Ordinal);
}

public sealed record RoundFieldView(string Name, string Id, string? Value, string? Error);
