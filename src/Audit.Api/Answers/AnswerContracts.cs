using System.Text.Json;
using Audit.Core.Answers;
using Audit.Core.Evidence;
using Audit.Core.Reviews;

namespace Audit.Api.Answers;

/// <summary>One current answer. <see cref="Value"/> is typed JSON per the question type; <see cref="Version"/> is its ETag.</summary>
public sealed record AnswerResponse(
    string QuestionKey, JsonElement Value, string? Comment, bool Prefilled, int Version, string UpdatedBy, DateTimeOffset UpdatedAt)
{
    public static AnswerResponse From(AnswerRecord answer) => new(
        answer.QuestionKey, AnswerInput.Parse(answer.ValueJson), answer.Comment, answer.Prefilled, answer.Version, answer.UpdatedBy, answer.UpdatedAt);
}

public sealed record EvidenceResponse(
    string Id, string QuestionKey, string FileName, string ContentType, long SizeBytes, string Sha256, string UploadedBy, DateTimeOffset UploadedAt)
{
    public static EvidenceResponse From(EvidenceRecord e) =>
        new(e.Id, e.QuestionKey, e.FileName, e.ContentType, e.SizeBytes, e.Sha256, e.UploadedBy, e.UploadedAt);
}

/// <summary>The auditor's remark on one question, from the latest review.</summary>
public sealed record RemarkResponse(string QuestionKey, string Text)
{
    public static RemarkResponse From(ReviewRemark remark) => new(remark.QuestionKey, remark.Text);
}

/// <summary>
/// Everything the institution works on: the answers, the evidence per question and the remarks of the latest
/// review (after a return, what to change). <see cref="Editable"/> says whether writes are accepted now.
/// </summary>
public sealed record AnswerSetResponse(
    string ParticipationId, string Status, bool Editable, IReadOnlyList<AnswerResponse> Answers,
    IReadOnlyList<EvidenceResponse> Evidence, IReadOnlyList<RemarkResponse> Remarks);

public sealed record PutAnswerRequest(JsonElement Value, string? Comment);

/// <summary>One item of a batch; <see cref="Version"/> is the version last seen (absent for a new answer).</summary>
public sealed record BatchAnswerItem(string? QuestionKey, JsonElement Value, string? Comment, int? Version);

public sealed record BatchAnswersRequest(IReadOnlyList<BatchAnswerItem>? Answers);

/// <summary>The saved answers with their new versions, in request order.</summary>
public sealed record BatchAnswersResponse(IReadOnlyList<AnswerResponse> Answers);

/// <summary>A failing batch item, in the 412 problem's <c>items</c>: why, and the answer as it now is.</summary>
public sealed record BatchFailure(int Index, string QuestionKey, string Reason, AnswerResponse? Current);

/// <summary>One version of an answer; <see cref="Value"/> is null for the version that cleared it.</summary>
public sealed record AnswerVersionResponse(int Version, JsonElement? Value, string? Comment, bool Prefilled, string ChangedBy, DateTimeOffset ChangedAt);

public sealed record AnswerHistoryResponse(string QuestionKey, IReadOnlyList<AnswerVersionResponse> Versions);

public sealed record PrefillResponse(string BaselineRoundId, string BaselineParticipationId, IReadOnlyList<string> Copied);
