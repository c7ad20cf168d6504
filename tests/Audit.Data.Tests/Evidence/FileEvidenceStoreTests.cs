using System.Security.Cryptography;
using System.Text;
using Audit.Data.Evidence;

namespace Audit.Data.Tests.Evidence;

[TestClass]
public sealed class FileEvidenceStoreTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "audit-evidence-tests", Guid.NewGuid().ToString("N"));

    [TestCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [TestMethod]
    public async Task Content_is_stored_under_its_hash_and_read_back()
    {
        var store = new FileEvidenceStore(_folder);
        var bytes = Encoding.UTF8.GetBytes("%PDF-1.7 beleid kennisveiligheid");

        var stored = await store.PutAsync(new MemoryStream(bytes));

        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
        Assert.AreEqual(bytes.Length, stored.Length);
        await using var read = await store.OpenAsync(stored.Sha256);
        Assert.IsNotNull(read);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.AreSequenceEqual(bytes, copy.ToArray());
        Assert.IsEmpty(Directory.GetFiles(_folder, "*.tmp"), "no temp files left behind");
    }

    [TestMethod]
    public async Task Storing_the_same_content_twice_keeps_one_file()
    {
        var store = new FileEvidenceStore(_folder);
        var bytes = Encoding.UTF8.GetBytes("same");

        var first = await store.PutAsync(new MemoryStream(bytes));
        var second = await store.PutAsync(new MemoryStream(bytes));

        Assert.AreEqual(first, second);
        Assert.HasCount(1, Directory.GetFiles(_folder));
    }

    [TestMethod]
    public async Task A_hash_that_is_not_hex_cannot_reach_outside_the_folder()
    {
        var store = new FileEvidenceStore(_folder);

        await Assert.ThrowsExactlyAsync<ArgumentException>(() => store.OpenAsync("../../etc/passwd"));
        Assert.IsNull(await store.OpenAsync(new string('a', 64)));
    }
}
