namespace Audit.Application.Users;

/// <summary>
/// An admin adds a user: every invalid field at once; a respondent belongs to an existing institution, the other
/// roles to none; an email address belongs to one user.
/// </summary>
public sealed class CreateUser(IUserRepository users, IInstitutionLookup institutions, TimeProvider clock)
{
    public async Task<Outcome<User>> ExecuteAsync(Caller caller, NewUser request, CancellationToken cancellationToken)
    {
        if (Permission.AdminOnly(caller) is { } refused)
        {
            return refused;
        }
        var institutionExists = request.InstitutionId is not null && await institutions.ExistsAsync(request.InstitutionId, cancellationToken);
        var errors = UserRules.Validate(request, institutionExists);
        if (errors.Count > 0)
        {
            return new Failure.Invalid(errors);
        }
        Roles.TryParse(request.Role, out var role);
        var now = clock.GetUtcNow();
        var user = new User(AccessTokens.NewId("u_"), request.Name!.Trim(), request.Email!.Trim(), role, request.InstitutionId, true, now);
        if (!await users.InsertAsync(user, caller.ToActor().Did("user.created", "user", user.Id, now, $"{user.Role.ToWireName()} {user.Email}"), cancellationToken))
        {
            return new Failure.Conflict($"A user with email '{request.Email}' already exists.");
        }
        return await users.GetAsync(user.Id, cancellationToken) ?? user;
    }
}
