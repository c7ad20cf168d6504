using Audit.Core.AuditTrail;
using Audit.Core.Institutions.Imports;

namespace Audit.Application.Institutions;

/// <summary>
/// The bureau imports contact persons from CSV (<see cref="ContactImport.Header"/>): respondents matched by e-mail
/// address within their institution, so the same file twice changes nothing. A dry run reports per line; a real one
/// writes every change in one transaction, or nothing when a line has an error. New contacts are not mailed here:
/// they get their link with the round's invitations.
/// </summary>
public sealed class ImportContacts(IInstitutionDirectory directory, IUserRepository users, TimeProvider clock)
{
    public async Task<Outcome<ImportResult>> ExecuteAsync(Caller caller, ReadOnlyMemory<byte> csv, bool dryRun, CancellationToken cancellationToken)
    {
        if ((Permission.BureauOnly(caller) ?? ImportRun.CheckSize(csv)) is { } refused)
        {
            return refused;
        }
        var institutionIds = (await directory.AllAsync(cancellationToken)).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var (report, changes) = ContactImport.Plan(CsvText.Read(csv.Span), institutionIds, await users.ListAsync(cancellationToken));
        return await ImportRun.FinishAsync(report, dryRun, changes.Count, async () =>
        {
            var now = clock.GetUtcNow();
            var actor = caller.ToActor();
            var created = new List<User>();
            var renamed = new List<User>();
            var audits = new List<AuditEvent>();
            var ids = new Dictionary<int, string>();
            foreach (var change in changes)
            {
                if (change.Current is { } current)
                {
                    renamed.Add(current with { Name = change.Name });
                    audits.Add(actor.Did("user.updated", "user", current.Id, now, $"import line {change.Line}: name {current.Name} → {change.Name}"));
                    continue;
                }
                var user = new User(AccessTokens.NewId("u_"), change.Name, change.Email, Role.Respondent, change.InstitutionId, true, now);
                created.Add(user);
                ids[change.Line] = user.Id;
                audits.Add(actor.Did("user.created", "user", user.Id, now, $"import line {change.Line}: respondent {user.Email} of {user.InstitutionId}"));
            }
            if (!await directory.ApplyContactsAsync(created, renamed, audits, cancellationToken))
            {
                return null;
            }
            return new ImportReport(report.Lines.Select(l => ids.TryGetValue(l.Line, out var id) ? l with { Id = id } : l).ToList());
        });
    }
}
