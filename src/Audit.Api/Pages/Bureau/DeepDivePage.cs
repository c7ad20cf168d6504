using System.Globalization;
using Audit.Application.DeepDives;
using Microsoft.AspNetCore.Antiforgery;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// <c>/bureau/rondes/{roundId}/verdieping/{type}</c>: the sector's deep-dive selection. A GET form asks for a suggestion
/// (size and seed, <see cref="SuggestDeepDive"/>; nothing is stored), which comes back as the ticked boxes of the
/// selection form; that form saves the selection and its rationale through <see cref="SaveDeepDiveSelection"/> like
/// <c>PUT /api/v1/rounds/{roundId}/deep-dives/{type}</c>, with the version it was opened at (a colleague's save in
/// between is a 409 conflict, never overwritten). Post/redirect/get with a notice.
/// </summary>
public static class DeepDivePage
{
    public const string Name = "bureau/deep-dive";
    public const string SizeQuery = "omvang";
    public const string SeedQuery = "seed";
    public const string InstitutionField = "instelling";
    public const string RationaleField = "motivering";
    public const string VersionField = "versie";

    public sealed record InstitutionChoice(string Id, string FieldId, string Name, bool Checked, bool Selected, int Records, string Href);

    public sealed record Suggested(string Name, string Score, int Quartile);

    public sealed record Model(
        string RoundTitle, string Type, string Href, string SectorHref, string RoundHref, string Size, string Seed, string? SizeError, string? SeedError,
        IReadOnlyList<Suggested>? Suggestion, int? SuggestionSeed, int Eligible, IReadOnlyList<InstitutionChoice> Institutions, string? InstitutionsError,
        string? Rationale, string? RationaleError, string Version, string? UpdatedBy, DateTimeOffset? UpdatedAt, IReadOnlyList<PageError> Errors,
        string? Message, bool HasSelection)
    {
        public int SelectedCount => Institutions.Count(i => i.Selected);
    }

    public static string Path(string roundId, string type) => $"{BureauPages.RoundPath(roundId)}/verdieping/{Uri.EscapeDataString(type)}";

    public static async Task<IResult> ShowAsync(
        string roundId, string institutionType, HttpContext context, ClaimsPrincipal principal, ReadDeepDiveSelection read, SuggestDeepDive suggest,
        CancellationToken cancellationToken)
    {
        var caller = principal.ToCaller();
        var found = await read.ExecuteAsync(caller, roundId, institutionType, cancellationToken);
        if (!found.TryGetValue(out var overview, out var failure))
        {
            return BureauForms.Failed(failure);
        }
        var query = context.Request.Query;
        string size = query[SizeQuery].ToString(), seed = query[SeedQuery].ToString();
        var errors = new List<PageError>();
        string? sizeError = null, seedError = null;
        DeepDiveSuggestionResult? suggestion = null;
        if (query.ContainsKey(SizeQuery))
        {
            int? sizeValue = int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
            int? seedValue = string.IsNullOrWhiteSpace(seed) ? null : int.TryParse(seed, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : -1;
            var outcome = await suggest.ExecuteAsync(caller, roundId, institutionType, sizeValue, seedValue, cancellationToken);
            if (outcome.TryGetValue(out var result, out var refused))
            {
                suggestion = result;
            }
            else if (refused is Failure.Invalid invalid)
            {
                sizeError = invalid.Errors.ContainsKey("size") ? "size" : null;
                seedError = invalid.Errors.ContainsKey("seed") ? "seed" : null;
                if (sizeError is not null)
                {
                    errors.Add(new PageError("omvang", "size", SuggestDeepDive.MaxSize));
                }
                if (seedError is not null)
                {
                    errors.Add(new PageError("seed", "seed"));
                }
            }
            else
            {
                return BureauForms.Failed(refused);
            }
        }
        var selected = overview.Selection?.InstitutionIds ?? [];
        var ticked = suggestion is null ? selected : [.. suggestion.Institutions.Select(i => i.InstitutionId)];
        var message = BureauForms.Message(query[ParticipationPage.MessageQuery], "saved");
        return Form(overview, size, seed, sizeError, seedError, suggestion, ticked, overview.Selection?.Rationale, overview.Selection?.Version, errors,
            null, null, message, errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    public static async Task<IResult> SaveAsync(
        string roundId, string institutionType, HttpContext context, ClaimsPrincipal principal, IAntiforgery antiforgery, ReadDeepDiveSelection read,
        SaveDeepDiveSelection save, CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is not { } form)
        {
            return BureauForms.Refused(context);
        }
        var caller = principal.ToCaller();
        var ids = form[InstitutionField].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Distinct(StringComparer.Ordinal).ToList();
        var rationale = BureauForms.Text(form, RationaleField);
        int? expected = int.TryParse(form[VersionField], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        var ifMatch = expected is { } version ? VersionPrecondition.Of(version) : VersionPrecondition.Absent;
        var outcome = await save.ExecuteAsync(caller, roundId, institutionType, new DeepDiveSelectionInput([.. ids], rationale), ifMatch, cancellationToken);
        if (outcome.IsOk)
        {
            return Results.Redirect($"{Path(roundId, institutionType)}?{ParticipationPage.MessageQuery}=saved");
        }
        var failure = outcome.Failure;
        var isConflict = failure is Failure.Stale or Failure.PreconditionRequired;
        if (!isConflict && failure is not Failure.Invalid)
        {
            return BureauForms.Failed(failure);
        }
        var reread = await read.ExecuteAsync(caller, roundId, institutionType, cancellationToken);
        if (!reread.TryGetValue(out var overview, out var readFailure))
        {
            return BureauForms.Failed(readFailure);
        }
        if (isConflict)
        {
            // The colleague's selection is shown as saved; the form keeps what was typed and takes the new version.
            return Form(overview, "", "", null, null, null, ids, rationale, overview.Selection?.Version, [new PageError(null, "conflict")], null, null, null,
                StatusCodes.Status409Conflict);
        }
        var errors = new List<PageError>();
        string? institutionsError = null, rationaleError = null;
        var invalid = (Failure.Invalid)failure;
        if (invalid.Errors.Keys.Any(k => k.StartsWith("institutionIds", StringComparison.Ordinal)))
        {
            institutionsError = "institutions";
            errors.Add(new PageError(overview.Sector.Participations.Count > 0 ? FieldId(overview.Sector.Participations[0].InstitutionId) : null, institutionsError));
        }
        if (invalid.Errors.ContainsKey("rationale"))
        {
            rationaleError = "rationale";
            errors.Add(new PageError(RationaleField, rationaleError, DeepDiveSectors.MaxTextLength));
        }
        return Form(overview, "", "", null, null, null, ids, rationale, expected, errors, institutionsError, rationaleError, null, StatusCodes.Status400BadRequest);
    }

    private static string FieldId(string institutionId) => BureauForms.IdFor(InstitutionField, institutionId);

    private static HtmlPage Form(
        DeepDiveOverview overview, string size, string seed, string? sizeError, string? seedError, DeepDiveSuggestionResult? suggestion,
        IReadOnlyList<string> ticked, string? rationale, int? version, IReadOnlyList<PageError> errors, string? institutionsError, string? rationaleError,
        string? message, int status)
    {
        var sector = overview.Sector;
        var roundId = sector.Round.Round.Id;
        var selected = overview.Selection?.InstitutionIds ?? [];
        var institutions = sector.Participations.OrderBy(p => p.InstitutionName, StringComparer.CurrentCulture).Select(p => new InstitutionChoice(
            p.InstitutionId, FieldId(p.InstitutionId), p.InstitutionName, ticked.Contains(p.InstitutionId), selected.Contains(p.InstitutionId),
            overview.RecordCounts.GetValueOrDefault(p.InstitutionId), DeepDiveInstitutionPage.Path(roundId, sector.TypeName, p.InstitutionId))).ToList();
        var suggested = suggestion?.Institutions.Select(i => new Suggested(i.Name, i.MeanScore.ToString("0.00", CultureInfo.InvariantCulture), i.Quartile)).ToList();
        return new HtmlPage(Name, new Model(sector.Round.Round.Title, sector.TypeName, Path(roundId, sector.TypeName), BureauPages.SectorPath(roundId, sector.TypeName),
            BureauPages.RoundPath(roundId), size, seed, sizeError, seedError, suggested, suggestion?.Seed, suggestion?.Eligible ?? 0, institutions, institutionsError,
            rationale, rationaleError, version?.ToString(CultureInfo.InvariantCulture) ?? "", overview.Selection?.UpdatedBy, overview.Selection?.UpdatedAt,
            errors, message, overview.Selection is not null), status);
    }
}
