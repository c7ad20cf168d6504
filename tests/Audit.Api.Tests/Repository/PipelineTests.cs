using Audit.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Audit.Api.Tests.Repository;

/// <summary>The Azure pipeline cannot run here, so at least its shape is checked: valid YAML, one job per engine.</summary>
[TestClass]
public sealed class PipelineTests
{
    [TestMethod]
    public void Azure_pipeline_is_valid_yaml_with_a_job_per_engine()
    {
        var root = RepoRoot.Find();
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(root, "azure-pipelines.yml")))
        {
            yaml.Load(reader);
        }
        var document = (YamlMappingNode)yaml.Documents[0].RootNode;
        var jobs = ((YamlSequenceNode)((YamlMappingNode)((YamlSequenceNode)document["stages"])[0])["jobs"])
            .Cast<YamlMappingNode>()
            .ToDictionary(j => ((YamlScalarNode)j["job"]).Value!, j => j);

        Assert.AreSequenceEqual(new[] { "postgres", "sqlite", "sqlserver" }, jobs.Keys.Order().ToArray());
        Assert.AreEqual("postgres", Variable(jobs["postgres"], "AUDIT_REQUIRE_ENGINES"));
        Assert.Contains("Host=", Variable(jobs["postgres"], "AUDIT_TEST_POSTGRES"));
        Assert.AreEqual("sqlserver", Variable(jobs["sqlserver"], "AUDIT_REQUIRE_ENGINES"));
        Assert.Contains("Server=", Variable(jobs["sqlserver"], "AUDIT_TEST_SQLSERVER"));
        var containers = (YamlSequenceNode)((YamlMappingNode)document["resources"])["containers"];
        Assert.Contains("mcr.microsoft.com/mssql/server:2022-latest", containers.Cast<YamlMappingNode>().Select(c => ((YamlScalarNode)c["image"]).Value));
        Assert.IsTrue(File.Exists(Path.Combine(root, ".ci", "azure-test-steps.yml")));
    }

    private static string Variable(YamlMappingNode job, string name) =>
        ((YamlScalarNode)((YamlMappingNode)job["variables"])[name]).Value!;
}
