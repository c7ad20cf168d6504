using System.Globalization;
using Audit.Core.Time;

namespace Audit.Core.Tests.Time;

/// <summary>Dutch time around the clock changes of 2026: forward on 29 March (02:00 → 03:00), back on 25 October (03:00 → 02:00).</summary>
[TestClass]
public sealed class AmsterdamTimeTests
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    [TestMethod]
    public void The_night_summer_time_starts_01_30_utc_is_03_30()
    {
        var moment = new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero);
        Assert.AreEqual(new DateTime(2026, 3, 29, 3, 30, 0), AmsterdamTime.ToLocal(moment));
        Assert.AreEqual("29 maart 2026, 03:30", AmsterdamTime.Format(moment, "d MMMM yyyy, HH:mm", Dutch));
        Assert.AreEqual("2026-03-29T03:30", AmsterdamTime.Input(moment));
    }

    [TestMethod]
    public void In_winter_the_netherlands_are_one_hour_ahead()
    {
        var moment = new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);
        Assert.AreEqual("15 januari 2026, 11:00", AmsterdamTime.Format(moment, "d MMMM yyyy, HH:mm", Dutch));
        Assert.AreEqual(moment, AmsterdamTime.FromLocal(new DateTime(2026, 1, 15, 11, 0, 0)));
    }

    [TestMethod]
    public void A_local_time_in_the_skipped_hour_is_taken_as_the_hour_after_and_a_doubled_hour_as_summer_time()
    {
        Assert.AreEqual(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), AmsterdamTime.FromLocal(new DateTime(2026, 3, 29, 2, 30, 0)));
        Assert.AreEqual(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), AmsterdamTime.FromLocal(new DateTime(2026, 10, 25, 2, 30, 0)));
        Assert.IsFalse(AmsterdamTime.TryParse("2026-03-29T02:30", out _), "a form may not name the hour that does not exist");
        Assert.IsTrue(AmsterdamTime.TryParse("2026-10-25T02:30", out var doubled));
        Assert.AreEqual(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), doubled);
    }
}
