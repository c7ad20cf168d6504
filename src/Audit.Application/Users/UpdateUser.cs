namespace Audit.Application.Users;

/// <summary>
/// An admin renames a user, changes their email address (still one user's) or (de)activates them; not themselves, so
/// the last admin cannot lock everyone out by mistake: another admin does it.
/// </summary>
public sealed class UpdateUser(IUserRepository users, TimeProvider clock)
{
    public async Task<Outcome<User>> ExecuteAsync(Caller caller, string id, UserChange change, CancellationToken cancellationToken)
    {
        if (Permission.AdminOnly(caller) is { } refused)
        {
            return refused;
        }
        var errors = new Dictionary<string, string[]>();
        UserRules.ValidateNameAndEmail(change.Name, change.Email, errors, optional: true);
        if (errors.Count > 0)
        {
            return new Failure.Invalid(errors);
        }
        if (await users.GetAsync(id, cancellationToken) is not { } user)
        {
            return UserRules.NotFound(id);
        }
        if (change.Active == false && user.Active && caller.UserId == id)
        {
            return new Failure.Conflict("You cannot deactivate your own account; another admin can.");
        }
        var changed = user with { Name = change.Name?.Trim() ?? user.Name, Email = change.Email?.Trim() ?? user.Email, Active = change.Active ?? user.Active };
        var summary = $"name {user.Name} → {changed.Name}; email {user.Email} → {changed.Email}; active {user.Active} → {changed.Active}";
        if (!await users.UpdateAsync(changed, caller.ToActor().Did("user.updated", "user", id, clock.GetUtcNow(), summary), cancellationToken))
        {
            return new Failure.Conflict($"Another user already has email '{change.Email}'.");
        }
        return (await users.GetAsync(id, cancellationToken))!;
    }
}
