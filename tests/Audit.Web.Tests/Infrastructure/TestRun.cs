namespace Audit.Web.Tests.Infrastructure;

[TestClass]
public static class TestRun
{
    [AssemblyCleanup]
    public static async Task CloseBrowserAsync() => await Chromium.CloseAsync();
}
