using Audit.Core.Questionnaires;

namespace Audit.Core.Tests;

[TestClass]
public sealed class QuestionTypeTests
{
    [TestMethod]
    public void Every_type_round_trips_through_its_wire_name()
    {
        foreach (var type in Enum.GetValues<QuestionType>())
        {
            Assert.IsTrue(QuestionTypes.TryParse(type.ToWireName(), out var parsed));
            Assert.AreEqual(type, parsed);
        }
        Assert.IsFalse(QuestionTypes.TryParse("likert", out _));
    }
}
