namespace Audit.Reports.Provenance;

/// <summary>
/// What a report was made from, printed in its footer so any copy can be traced: the round and questionnaire
/// version, the fingerprint of every sector view it shows, the template version (a hash over the template files
/// used) and when it was generated. Same inputs and the same clock give the same bytes.
/// </summary>
public sealed record ReportProvenance(
    string RoundId,
    string QuestionnaireKey,
    string QuestionnaireVersion,
    IReadOnlyList<SectorFingerprint> SectorViews,
    string TemplateVersion,
    DateTimeOffset GeneratedAt,
    string Language);

public sealed record SectorFingerprint(string InstitutionType, string Fingerprint);
