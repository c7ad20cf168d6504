using Audit.Core.CycleFindings;
using Audit.Core.DeepDives;
using Audit.Core.Disclosure;
using Audit.Core.Institutions;
using Audit.Core.Questionnaires;
using Audit.Core.Rounds;
using Audit.Core.SectorFindings;
using Audit.Core.SectorViews;
using Audit.Core.Statistics;
using Audit.Reports.Mapping;

namespace Audit.Reports.Tests.Support;

/// <summary>
/// The fixed data set of the national report: cycle 2023 with three published waves on the shipped questionnaire and
/// registry (universities, hogescholen, NWO institutes), each compared with its own 2019 baseline round. Only four NWO
/// institutes are accepted, so that sector is withheld as a whole. The bureau's texts come in approved versions and,
/// next to them, drafts and changed versions whose marker strings a test can look for: none may reach the report.
/// Text typed by people goes through <c>user</c>, so the escaping tests can swap in attacks.
/// </summary>
internal sealed class NationalFixtures
{
    public const string Cycle = "2023";
    public const string DraftMarker = "CONCEPT-NIET-PUBLICEREN";
    public const string ChangedMarker = "GEWIJZIGD-NA-GOEDKEURING";
    public const int AcceptedNwoInstitutes = 4;

    private static readonly DateTimeOffset ComputedAt = new(2023, 11, 20, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Approved = new(2023, 11, 25, 14, 0, 0, TimeSpan.Zero);

    private readonly Func<string, string> user;
    private readonly SyntheticRound current;
    private readonly SyntheticRound baseline = new(seed: 2019);

    public NationalFixtures(Func<string, string>? user = null)
    {
        this.user = user ?? (s => s);
        current = new SyntheticRound(this.user);
    }

    public Questionnaire Questionnaire => current.Questionnaire;

    /// <summary>The waves as the use case reads them: approved findings, and a draft and a changed version besides.</summary>
    public NationalInput Input(bool approvedSummary = true) => new(
        Cycle,
        [
            Wave(InstitutionType.Universiteit, "2023-universiteiten", "Audit kennisveiligheid universiteiten 2023", 1, 3),
            Wave(InstitutionType.Hogeschool, "2023-hogescholen", "Audit kennisveiligheid hogescholen 2023", 4, 6, draft: true),
            Wave(InstitutionType.NwoInstituut, "2023-nwo-instituten", "Audit kennisveiligheid NWO-instituten 2023", 9, 10),
        ],
        approvedSummary
            ? new CycleFindingsRecord(Cycle, user("De kennisinstellingen hebben kennisveiligheid **bestuurlijk belegd**; de uitvoering verschilt per type."), 3, "analyst-a", Approved, 3, "analyst-b", Approved)
            : new CycleFindingsRecord(Cycle, DraftMarker + " samenvatting", 4, "analyst-a", Approved, 3, "analyst-b", Approved));

    public NationalWave Wave(InstitutionType type, string roundId, string title, int opensMonth, int closesMonth, bool draft = false)
    {
        var wire = type.ToWireName();
        var baselineRound = new Round("2019-" + wire, $"Nulmeting 2019 ({wire})", new(Questionnaire.Key, Questionnaire.Version),
            new DateTimeOffset(2019, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2019, 6, 30, 0, 0, 0, TimeSpan.Zero),
            DisclosureSettings.Default, RoundStatus.Published, Cycle: "2019");
        var round = new Round(roundId, user(title), new(Questionnaire.Key, Questionnaire.Version),
            new DateTimeOffset(2023, opensMonth, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2023, closesMonth, 28, 0, 0, 0, TimeSpan.Zero),
            DisclosureSettings.Default, RoundStatus.Published, baselineRound.Id, Cycle: Cycle);
        var before = View(baseline, baselineRound.Id, type, null);
        var view = PublishedForm.Of(View(current, roundId, type, before));
        return new NationalWave(round, Questionnaire, [view], baselineRound)
        {
            Findings = [draft ? Draft(roundId, wire) : Approved_(roundId, wire)],
            DeepDives = [new DeepDiveCounts(wire, type == InstitutionType.NwoInstituut ? 0 : 3, 5, 4)],
        };
    }

    private static SectorView View(SyntheticRound data, string roundId, InstitutionType type, SectorView? before)
    {
        var ofType = data.Institutions.Where(i => i.Type == type).ToList();
        var accepted = type == InstitutionType.NwoInstituut ? ofType.Take(AcceptedNwoInstitutes).ToList() : ofType;
        var scope = new SectorViewScope(roundId, type.ToWireName(),
            new ResponseCounts(ofType.Count, ofType.Count - accepted.Count, 0, 0, accepted.Count), ComputedAt);
        return SectorViewBuilder.Compute(data.Questionnaire, DisclosureSettings.Default, scope,
            accepted.Select(i => new IncludedParticipation("p-" + i.Id, i.Id, "h-" + i.Id, data.Answers[i.Id])), before);
    }

    /// <summary>Approved as it now is: findings on the first two themes.</summary>
    private SectorFindingsRecord Approved_(string roundId, string type)
    {
        var themes = Questionnaire.Themes.Take(2).Select(t => new SectorFindingsTheme(t.Key,
            user($"Bevinding bij {t.Title}: de meeste instellingen hebben dit vastgelegd."),
            user($"Conclusie bij {t.Title}."),
            user($"Aanbeveling bij {t.Title}: leg de toetsing vast."))).ToList();
        return new SectorFindingsRecord(roundId, type, System.Text.Json.JsonSerializer.Serialize(themes, Json),
            user($"Samenvatting van de sector {type}."), 2, "analyst-a", Approved, 2, "analyst-b", Approved);
    }

    /// <summary>A draft nobody approved yet (the hogescholen's): the mapper must leave it out.</summary>
    private SectorFindingsRecord Draft(string roundId, string type) => new(roundId, type,
        System.Text.Json.JsonSerializer.Serialize(new[] { new SectorFindingsTheme(Questionnaire.Themes[0].Key, DraftMarker, DraftMarker, DraftMarker) }, Json),
        DraftMarker, 1, "analyst-a", Approved);

    /// <summary>The same waves, but the universities' findings were changed after approval.</summary>
    public NationalInput WithChangedFindings()
    {
        var input = Input();
        var first = input.Waves[0];
        var changed = first.Findings[0] with
        {
            Version = 3,
            Summary = ChangedMarker,
            ThemesJson = System.Text.Json.JsonSerializer.Serialize(new[] { new SectorFindingsTheme(Questionnaire.Themes[0].Key, ChangedMarker, null, null) }, Json),
        };
        return input with { Waves = [first with { Findings = [changed] }, .. input.Waves.Skip(1)] };
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);
}
