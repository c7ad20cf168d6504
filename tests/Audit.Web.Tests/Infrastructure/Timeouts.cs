using Microsoft.Playwright;

namespace Audit.Web.Tests.Infrastructure;

/// <summary>
/// The one timeout of the browser tests, for every Playwright action, navigation and assertion and for the waits the
/// tests do themselves. Generous on purpose: CI runs the test projects side by side on two cores, and a wait that
/// gives up early makes a flaky test, while one that waits for the right thing ends as soon as that is there.
/// </summary>
[TestClass]
public static class Timeouts
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(90);

    public static float DefaultMilliseconds => (float)Default.TotalMilliseconds;

    [AssemblyInitialize]
    public static void SetDefaults(TestContext context) => Assertions.SetDefaultExpectTimeout(DefaultMilliseconds);
}
