using Audit.Core.Institutions;

namespace Audit.Data.Seeding;

/// <summary>
/// The shipped registry (<c>templates/registry/institutions.csv</c>, copied beside the binaries) read with
/// Core's parser and seeded insert-if-absent, so it is safe to run on every start.
/// </summary>
public static class InstitutionRegistryFile
{
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "templates", "registry", "institutions.csv");

    /// <exception cref="InvalidDataException">The file has errors; the message lists all of them with line numbers.</exception>
    public static async Task<IReadOnlyList<Institution>> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        var result = InstitutionRegistry.Parse(await File.ReadAllTextAsync(path, cancellationToken));
        if (!result.IsValid)
        {
            throw new InvalidDataException($"The institution registry '{path}' is invalid: {string.Join("; ", result.Errors)}");
        }
        return result.Institutions;
    }

    /// <summary>Loads the file and inserts the institutions not yet known; returns the ids inserted.</summary>
    public static async Task<IReadOnlyList<string>> SeedAsync(
        IInstitutionRepository repository, string path, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var institutions = await LoadAsync(path, cancellationToken);
        return await repository.SeedAsync(institutions, actor, now, cancellationToken);
    }
}
