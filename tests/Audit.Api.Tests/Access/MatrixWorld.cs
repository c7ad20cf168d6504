using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;
using Audit.Data.Connections;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Access;

/// <summary>The kinds of caller the matrix tries. "Own" respondents belong to the institution that owns the objects.</summary>
public enum Caller
{
    Anonymous,
    Admin,
    Analyst,
    OwnRespondent,
    OtherRespondent,
    Ministry,
}

/// <summary>The fixture every matrix row runs against: one client per caller and the ids of the objects it touches.</summary>
public sealed class MatrixWorld
{
    public const string OwnInstitution = "uva";
    public const string OtherInstitution = "vu";

    private MatrixWorld(AuditApp app) => App = app;

    public AuditApp App { get; }

    public Dictionary<Caller, HttpClient> Clients { get; } = [];

    /// <summary>A user other than the callers, for user-management rows.</summary>
    public string SubjectUserId { get; private set; } = "";

    public static async Task<MatrixWorld> CreateAsync(AuditApp app)
    {
        var world = new MatrixWorld(app);
        await EnsureInstitutionsAsync(app);
        world.Clients[Caller.Anonymous] = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = app.ClientOptions.BaseAddress });
        world.Clients[Caller.Admin] = await app.ClientForAsync(Role.Admin);
        world.Clients[Caller.Analyst] = await app.ClientForAsync(Role.Analyst);
        world.Clients[Caller.Ministry] = await app.ClientForAsync(Role.Ministry);
        world.Clients[Caller.OwnRespondent] = await app.ClientForAsync(Role.Respondent, OwnInstitution);
        world.Clients[Caller.OtherRespondent] = await app.ClientForAsync(Role.Respondent, OtherInstitution);
        using var subject = await app.ClientForAsync(Role.Analyst);
        world.SubjectUserId = app.UserIds[subject];
        return world;
    }

    /// <summary>The two institutions the respondents belong to (the registry seed has them too).</summary>
    private static async Task EnsureInstitutionsAsync(AuditApp app)
    {
        var factory = app.Services.GetRequiredService<IDbConnectionFactory>();
        await using var connection = await factory.OpenAsync();
        var sql = factory.Dialect.InsertIfAbsent("institutions", ["id"], ["name", "type", "active", "created_at", "updated_at"]);
        foreach (var (id, name) in new[] { (OwnInstitution, "Universiteit van Amsterdam"), (OtherInstitution, "Vrije Universiteit Amsterdam") })
        {
            await connection.ExecuteAsync(sql, new { id, name, type = "universiteit", active = true, created_at = DateTimeOffset.UtcNow, updated_at = DateTimeOffset.UtcNow });
        }
    }
}
