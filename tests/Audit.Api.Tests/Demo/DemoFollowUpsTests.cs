using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Demo;
using Audit.Core.Access;
using Audit.Core.FollowUps;
using Audit.Core.SectorViews;
using Audit.Core.ValidatedScores;

namespace Audit.Api.Tests.Demo;

/// <summary>Issue 20 in the demo (seeded once by <see cref="DemoSeederTests"/>' class initialisation).</summary>
public sealed partial class DemoSeederTests
{
    [TestMethod]
    public async Task The_2025_universities_follow_up_the_2023_recommendations_and_the_bureau_validated_scores()
    {
        var uva = (await ParticipationsAsync(DemoPlan.Universities2025)).Single(p => p.InstitutionId == DemoPlan.RespondentInstitution);
        using var analyst = await _app.ClientForAsync(Role.Analyst);
        var set = await analyst.GetFromJsonAsync<JsonElement>($"/api/v1/participations/{uva.Id}/recommendation-follow-ups");
        Assert.AreEqual(DemoPlan.Universities2023, set.GetProperty("baselineRoundId").GetString());
        Assert.AreEqual(3, set.GetProperty("items").GetArrayLength(), "the demo respondent's university has recommendations to follow up");

        Assert.IsNotEmpty(await Service<IFollowUpRepository>().ListForRoundAsync(DemoPlan.Universities2025), "universities at work stated follow-ups");
        var scores = await Service<IValidatedScoreRepository>().ListForRoundAsync(DemoPlan.Universities2025);
        Assert.IsNotEmpty(scores);
        var view = await Service<ISectorViewRepository>().GetCurrentAsync(DemoPlan.Universities2025, "universiteit");
        Assert.IsNotNull(view);
        Assert.IsNotNull(SectorViewJson.Deserialize(view.InternalJson).ValidatedThemes, "the sector view counts the validated scores");
    }
}
