using Audit.Api.Participations;
using Audit.Application.Participations;
using Audit.Core.Access;
using Audit.Core.Answers;
using Audit.Core.AuditTrail;
using Audit.Core.Evidence;
using Audit.Core.Reviews;

namespace Audit.Api.Pages.Bureau;

/// <summary>What the pages about one participation read and write with, bound as one handler parameter.</summary>
public sealed record BureauServices(
    ParticipationScopes Scopes, IAnswerRepository Answers, IEvidenceRepository Evidence, IReviewRepository Reviews, IUserRepository Users,
    ISubmissionRepository Submissions, IFindingsRepository Findings, IAuditEventRepository Trail, TimeProvider Clock)
{
    public ParticipationFile File() => new(Answers, Evidence, Reviews, Users);
}
