using Audit.Data.Connections;
using Audit.TestSupport;

namespace Audit.Data.Tests;

/// <summary>
/// Base of the repository contract tests: written once, run by one subclass per engine. Each concrete
/// class gets its own fresh database, created on first use and dropped after the class.
/// </summary>
public abstract class EngineTestBase
{
    private static readonly Dictionary<Type, Task<TestDatabase>> Databases = [];
    private static readonly Lock Gate = new();

    protected abstract DatabaseProvider Provider { get; }

    public TestContext TestContext { get; set; } = null!;

    protected TestDatabase Database { get; private set; } = null!;

    protected DbConnectionFactory Factory => Database.Factory;

    [TestInitialize]
    public async Task InitializeDatabaseAsync()
    {
        TestEngines.RequireConfigured(Provider);
        Task<TestDatabase> task;
        lock (Gate)
        {
            if (!Databases.TryGetValue(GetType(), out task!))
            {
                task = TestDatabase.CreateAsync(Provider);
                Databases[GetType()] = task;
            }
        }
        Database = await task;
    }

    /// <summary>Drops every database the assembly created; called from each assembly's cleanup.</summary>
    public static async Task DropAllAsync()
    {
        List<Task<TestDatabase>> all;
        lock (Gate)
        {
            all = [.. Databases.Values];
            Databases.Clear();
        }
        foreach (var task in all)
        {
            if (task.IsCompletedSuccessfully)
            {
                await task.Result.DisposeAsync();
            }
        }
    }
}

[TestClass]
public static class AssemblyHooks
{
    [AssemblyCleanup]
    public static Task CleanupAsync() => EngineTestBase.DropAllAsync();
}
