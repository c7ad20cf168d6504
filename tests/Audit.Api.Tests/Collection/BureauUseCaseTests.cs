using Audit.Api.Tests.Infrastructure;
using Audit.Application.Access;
using Audit.Application.Findings;
using Audit.Application.Outcomes;
using Audit.Application.Reviews;
using Audit.Core.Access;
using Audit.Core.Reviews;
using Microsoft.Extensions.DependencyInjection;
using static Audit.Api.Tests.Collection.CollectionFixture;

namespace Audit.Api.Tests.Collection;

/// <summary>
/// The bureau-only rule of the review use cases, which no HTTP call reaches (the endpoints' policy refuses respondents
/// first): the institution sees its participation but may not review it, write findings or read the bureau's file.
/// </summary>
[TestClass]
public sealed class BureauUseCaseTests
{
    [TestMethod]
    public async Task The_institutions_own_respondent_is_forbidden_to_review_write_findings_or_read_the_bureaus_file()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        var (own, _) = await OpenRoundAsync(admin, "2023-bureau-only");
        var respondent = new Caller("u_respondent", Role.Respondent, Own);

        var review = await app.Services.GetRequiredService<ReviewSubmission>()
            .ExecuteAsync(respondent, own, new ReviewInput("accept", [], null), CancellationToken.None);
        var findings = await app.Services.GetRequiredService<SaveFindings>()
            .ExecuteAsync(respondent, own, new FindingsInput([new FindingsTheme("governance", "Zelf beoordeeld.", null)], null), VersionPrecondition.Absent,
                CancellationToken.None);
        var file = await app.Services.GetRequiredService<ReadParticipationFile>()
            .ExecuteAsync(respondent, own, "test", withHistory: false, CancellationToken.None);
        var reviews = await app.Services.GetRequiredService<ReadReviews>().ExecuteAsync(respondent, own, CancellationToken.None);

        Assert.IsInstanceOfType<Failure.Forbidden>(review.Failure);
        Assert.IsInstanceOfType<Failure.Forbidden>(findings.Failure);
        Assert.IsInstanceOfType<Failure.Forbidden>(file.Failure);
        Assert.IsTrue(reviews.IsOk, "the institution reads its own reviews");
    }
}
