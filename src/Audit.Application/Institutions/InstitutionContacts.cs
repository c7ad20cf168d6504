using Audit.Application.Rounds;
using Audit.Core.Institutions.Imports;
using Audit.Core.Mail;

namespace Audit.Application.Institutions;

/// <summary>An institution with its contact persons (respondents, active or not) and its participations.</summary>
public sealed record InstitutionFile(Institution Institution, IReadOnlyList<User> Contacts, IReadOnlyList<InstitutionParticipation> Participations);

/// <summary>A new contact person as the bureau types it.</summary>
public sealed record NewContact(string? Name, string? Email);

/// <summary>What changes about a contact person; a null field keeps its value.</summary>
public sealed record ContactChange(string? Name, bool? Active);

/// <summary>The bureau reads an institution's contact persons and participations.</summary>
public sealed class ReadContacts(
    IInstitutionRepository institutions, IInstitutionDirectory directory, IRoundRepository rounds, IRoundMailRepository roundMail)
{
    /// <summary>
    /// The round's title and the ids of its participating institutions that have no active contact person: those
    /// "send invitations" could not reach.
    /// </summary>
    public async Task<Outcome<(string RoundTitle, IReadOnlySet<string> InstitutionIds)>> WithoutContactAsync(
        Caller caller, string roundId, CancellationToken cancellationToken)
    {
        if (Permission.BureauOnly(caller) is { } refused)
        {
            return refused;
        }
        var found = await rounds.FindAsync(roundId, cancellationToken);
        if (!found.TryGetValue(out var round, out var failure))
        {
            return failure;
        }
        IReadOnlySet<string> ids = (await roundMail.ContactsAsync(roundId, cancellationToken))
            .Where(p => p.Contacts.Count == 0).Select(p => p.InstitutionId).ToHashSet(StringComparer.Ordinal);
        return (round.Round.Title, ids);
    }

    public async Task<Outcome<InstitutionFile>> ExecuteAsync(Caller caller, string institutionId, CancellationToken cancellationToken)
    {
        if (Permission.BureauOnly(caller) is { } refused)
        {
            return refused;
        }
        if (await institutions.GetAsync(institutionId, cancellationToken) is not { } institution)
        {
            return ReadInstitutions.NotFound(institutionId);
        }
        return new InstitutionFile(institution, await directory.ContactsAsync(institutionId, cancellationToken),
            await directory.ParticipationsAsync(institutionId, cancellationToken));
    }

    /// <summary>The number of active contact persons per institution id, for the registry list.</summary>
    public async Task<Outcome<IReadOnlyDictionary<string, int>>> CountsAsync(Caller caller, CancellationToken cancellationToken) =>
        Permission.BureauOnly(caller) is { } refused ? refused : Outcome.Of(await directory.ActiveContactCountsAsync(cancellationToken));

    /// <summary>The contact person <paramref name="userId"/> of the institution, or not found (also for a user of another institution).</summary>
    internal static async Task<Outcome<User>> ContactAsync(
        IUserRepository users, string institutionId, string userId, CancellationToken cancellationToken) =>
        await users.GetAsync(userId, cancellationToken) is { Role: Role.Respondent } user && user.InstitutionId == institutionId
            ? user
            : new Failure.NotFound($"Institution '{institutionId}' has no contact person '{userId}'.");
}

/// <summary>
/// The bureau adds a contact person to an institution: a respondent, active at once. Every invalid field at once; an
/// address belongs to one user. They get their sign-in link with the round's invitations or a re-invitation.
/// </summary>
public sealed class AddContact(IInstitutionRepository institutions, IUserRepository users, TimeProvider clock)
{
    public async Task<Outcome<User>> ExecuteAsync(Caller caller, string institutionId, NewContact contact, CancellationToken cancellationToken)
    {
        if (Permission.BureauOnly(caller) is { } refused)
        {
            return refused;
        }
        if (await institutions.GetAsync(institutionId, cancellationToken) is null)
        {
            return ReadInstitutions.NotFound(institutionId);
        }
        var errors = ContactRules.Validate(contact.Name, contact.Email);
        if (errors.Count > 0)
        {
            return new Failure.Invalid(FieldErrors.ToDictionary(errors));
        }
        var now = clock.GetUtcNow();
        var user = new User(AccessTokens.NewId("u_"), contact.Name!.Trim(), ContactRules.Normalise(contact.Email!), Role.Respondent, institutionId, true, now);
        var audit = caller.ToActor().Did("user.created", "user", user.Id, now, $"respondent {user.Email} of {institutionId}");
        return await users.InsertAsync(user, audit, cancellationToken)
            ? user
            : new Failure.Conflict($"A user with e-mail address '{user.Email}' already exists.");
    }
}

/// <summary>
/// The bureau renames a contact person or (de)activates them. A deactivated respondent can no longer sign in: their
/// links and sessions stop working at once, because every token lookup requires an active user.
/// </summary>
public sealed class UpdateContact(IUserRepository users, TimeProvider clock)
{
    public async Task<Outcome<User>> ExecuteAsync(
        Caller caller, string institutionId, string userId, ContactChange change, CancellationToken cancellationToken)
    {
        if (Permission.BureauOnly(caller) is { } refused)
        {
            return refused;
        }
        var found = await ReadContacts.ContactAsync(users, institutionId, userId, cancellationToken);
        if (!found.TryGetValue(out var user, out var failure))
        {
            return failure;
        }
        if (change.Name is not null)
        {
            var errors = ContactRules.Validate(change.Name, user.Email);
            if (errors.Count > 0)
            {
                return new Failure.Invalid(FieldErrors.ToDictionary(errors));
            }
        }
        var changed = user with { Name = change.Name?.Trim() ?? user.Name, Active = change.Active ?? user.Active };
        var summary = $"name {user.Name} → {changed.Name}; active {user.Active} → {changed.Active}";
        await users.UpdateAsync(changed, caller.ToActor().Did("user.updated", "user", userId, clock.GetUtcNow(), summary), cancellationToken);
        return (await users.GetAsync(userId, cancellationToken))!;
    }
}
