using Audit.Core.Institutions;
using Audit.Core.Rounds;

namespace Audit.Core.Tests.Institutions;

/// <summary>Ids stand in page paths next to fixed words; an id equal to such a word would make its page unreachable.</summary>
[TestClass]
public sealed class ReservedIdTests
{
    [TestMethod]
    [DataRow("nieuw")]
    [DataRow("importeren")]
    public void An_institution_id_that_a_page_uses_is_refused(string id)
    {
        var errors = InstitutionRules.Validate(new InstitutionDraft(id, "Een instelling", "universiteit"));

        Assert.AreEqual($"'{id}' is reserved: a page of the service has that name", errors.Single(e => e.Field == "id").Message);
    }

    [TestMethod]
    public void A_round_id_that_a_page_uses_is_refused_and_a_similar_one_is_not()
    {
        var now = DateTimeOffset.UtcNow;
        RoundDraft Draft(string id) => new(id, "Ronde", "kennisveiligheid", "2025", now, now.AddDays(30));

        Assert.Contains(new FieldError("id", "'nieuw' is reserved: a page of the service has that name"), RoundRules.Validate(Draft("nieuw")));
        Assert.IsEmpty(RoundRules.Validate(Draft("nieuw-2026")));
    }
}
