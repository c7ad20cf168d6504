using Audit.Core.AuditTrail;
using Audit.Core.Rounds;

namespace Audit.Api.Demo;

/// <summary>
/// The people of the demo: one contact per institution (whose name the pages show beside answers and submissions),
/// the demo analyst who reviews, and the three who get sign-in links. Found by e-mail address, so a second run reuses them.
/// </summary>
public sealed class DemoUsers(IUserRepository users)
{
    private static readonly Actor Demo = new("demo", "system");

    /// <summary>When the demo's bureau accounts were made: before the first (2023) round.</summary>
    public static DateTimeOffset BureauSince { get; } = new(2023, 8, 1, 8, 0, 0, TimeSpan.Zero);

    public async Task<Actor> AnalystAsync(CancellationToken cancellationToken)
    {
        var user = await EnsureAsync(Role.Analyst, null, "Demo analist", BureauSince, cancellationToken);
        return new Actor(user.Id, Role.Analyst.ToWireName());
    }

    /// <summary>A second analyst, who approves what the first wrote (four eyes on sector findings).</summary>
    public async Task<Actor> SecondAnalystAsync(CancellationToken cancellationToken)
    {
        var user = await EnsureAsync("demo-analyst-2@audit.local", Role.Analyst, null, "Demo tweede analist", BureauSince, cancellationToken);
        return new Actor(user.Id, Role.Analyst.ToWireName());
    }

    /// <summary>The institution's contact; for the demo respondent's own institution, the demo respondent.</summary>
    public async Task<Actor> ContactAsync(ParticipationRecord participation, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var user = participation.InstitutionId == DemoPlan.RespondentInstitution
            ? await EnsureAsync(Role.Respondent, DemoPlan.RespondentInstitution, "Demo respondent UvA", since, cancellationToken)
            : await EnsureAsync($"demo-contact-{participation.InstitutionId}@audit.local", Role.Respondent, participation.InstitutionId,
                $"Contactpersoon {participation.InstitutionName}", since, cancellationToken);
        return new Actor(user.Id, Role.Respondent.ToWireName());
    }

    /// <summary>One-time links for a respondent (UvA), an analyst and the ministry.</summary>
    public async Task<IReadOnlyList<string>> InvitationLinksAsync(string baseUrl, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var links = new List<string>();
        foreach (var (role, institution, name) in new[]
                 {
                     (Role.Respondent, DemoPlan.RespondentInstitution, "Demo respondent UvA"), (Role.Analyst, (string?)null, "Demo analist"),
                     (Role.Ministry, null, "Demo OCW"),
                 })
        {
            var user = await EnsureAsync(role, institution, name, BureauSince, cancellationToken);
            var token = AccessTokens.NewToken();
            var stored = StoredToken.For(user.Id, TokenKind.Invitation, token, now, now.AddDays(14));
            await users.InsertTokenAsync(stored, Demo.Did("invitation.created", "token", stored.Id, now, "demo"), cancellationToken);
            links.Add($"{role.ToWireName(),-10} {baseUrl.TrimEnd('/')}{Access.InvitationApi.PathFor(token)}");
        }
        return links;
    }

    private Task<User> EnsureAsync(Role role, string? institution, string name, DateTimeOffset since, CancellationToken cancellationToken) =>
        EnsureAsync($"demo-{role.ToWireName()}@audit.local", role, institution, name, since, cancellationToken);

    private async Task<User> EnsureAsync(
        string email, Role role, string? institution, string name, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email, cancellationToken) is { } existing)
        {
            return existing;
        }
        var user = new User(AccessTokens.NewId("u_"), name, email, role, institution, true, since);
        await users.InsertAsync(user, Demo.Did("user.created", "user", user.Id, since, "demo"), cancellationToken);
        return user;
    }
}
