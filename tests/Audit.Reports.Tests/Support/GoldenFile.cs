using System.Text;

namespace Audit.Reports.Tests.Support;

/// <summary>
/// Compares rendered output with a checked-in file under tests/Audit.Reports.Tests/Golden, byte for byte.
/// To accept an intended change: <c>AUDIT_UPDATE_GOLDEN=1 dotnet test --project tests/Audit.Reports.Tests</c>,
/// then review the diff of the golden files like any other change.
/// </summary>
internal static class GoldenFile
{
    public const string UpdateVariable = "AUDIT_UPDATE_GOLDEN";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The source folder (not the build output), so updates land in the repository.</summary>
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "tests", "Audit.Reports.Tests", "Golden");

    public static void AssertMatches(string name, string actual)
    {
        var path = Path.Combine(Folder, name);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, actual, Utf8NoBom);
            return;
        }
        Assert.IsTrue(File.Exists(path), $"Golden file {path} is missing. Create it with {UpdateVariable}=1.");
        var expected = File.ReadAllBytes(path);
        if (expected.AsSpan().SequenceEqual(Utf8NoBom.GetBytes(actual)))
        {
            return;
        }
        var expectedLines = Utf8NoBom.GetString(expected).Split('\n');
        var actualLines = actual.Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }
        Assert.Fail(
            $"{name} differs from its golden file at line {line + 1}.\n" +
            $"  expected: {(line < expectedLines.Length ? expectedLines[line] : "<end of file>")}\n" +
            $"  actual:   {(line < actualLines.Length ? actualLines[line] : "<end of file>")}\n" +
            $"If the change is intended, rerun with {UpdateVariable}=1 and review the diff.");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Audit.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No Audit.sln above {AppContext.BaseDirectory}; golden files are read from the source tree.");
    }
}
