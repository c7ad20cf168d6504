using System.Reflection;
using Audit.TestSupport;

namespace Audit.Api.Tests.Hosting;

/// <summary>
/// DuckDB is the recompute bench's reference engine (tests/Audit.Benchmarks) and nothing else: no product project may
/// reference it, and the service's dependency graph must not contain it.
/// </summary>
[TestClass]
public sealed class BenchOnlyDependencyTests
{
    [TestMethod]
    public void No_product_project_references_DuckDB()
    {
        var projects = Directory.GetFiles(Path.Combine(RepoRoot.Find(), "src"), "*.csproj", SearchOption.AllDirectories);
        Assert.IsNotEmpty(projects);
        foreach (var project in projects)
        {
            Assert.DoesNotContain("duckdb", File.ReadAllText(project).ToLowerInvariant(), project);
        }
    }

    [TestMethod]
    public void The_service_dependency_graph_has_no_DuckDB()
    {
        var depsJson = Path.Combine(AppContext.BaseDirectory, "Audit.Api.deps.json");
        Assert.IsTrue(File.Exists(depsJson), depsJson);
        Assert.DoesNotContain("duckdb", File.ReadAllText(depsJson).ToLowerInvariant());

        // And the assemblies the service loads, transitively from Audit.Api.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<AssemblyName>([typeof(Program).Assembly.GetName()]);
        while (queue.TryDequeue(out var name))
        {
            if (!seen.Add(name.Name!) || !name.Name!.StartsWith("Audit.", StringComparison.Ordinal))
            {
                continue; // only the product's own assemblies are walked; their references are all checked
            }
            foreach (var reference in Assembly.Load(name).GetReferencedAssemblies())
            {
                Assert.IsFalse(reference.Name!.StartsWith("DuckDB", StringComparison.OrdinalIgnoreCase), $"{name.Name} references {reference.Name}");
                queue.Enqueue(reference);
            }
        }
        Assert.Contains("Audit.Core", seen);
    }
}
