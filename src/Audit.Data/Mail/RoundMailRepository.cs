using Audit.Core.Access;
using Audit.Core.Mail;
using Audit.Core.Rounds;
using Audit.Data.Access;
using Audit.Data.Institutions;
using Audit.Data.Rounds;

namespace Audit.Data.Mail;

public sealed class RoundMailRepository(IDbConnectionFactory factory) : IRoundMailRepository
{
    private readonly RoundMailSql _sql = new(factory.Dialect);
    private readonly UserSql _users = new(factory.Dialect);
    private readonly MailOutboxSql _outbox = new(factory.Dialect);

    public async Task<IReadOnlyList<ParticipationContacts>> ContactsAsync(string roundId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ContactRow>(new CommandDefinition(_sql.Contacts,
            new { roundId, role = Roles.Respondent, active = true }, cancellationToken: cancellationToken));
        return rows.GroupBy(r => r.ParticipationId)
            .Select(g =>
            {
                var first = g.First();
                return new ParticipationContacts(first.ParticipationId, first.InstitutionId, first.InstitutionName,
                    InstitutionRepository.ParseType(first.InstitutionType, first.InstitutionId),
                    StatusChanges.ParseParticipation(first.Status),
                    g.Where(r => r.UserId is not null).Select(r => new Contact(r.UserId!, r.UserName ?? "", r.Email ?? "")).ToList(),
                    first.ClosesAt);
            })
            .ToList();
    }

    public async Task<IReadOnlyList<RoundInvitation>> InvitationsAsync(string roundId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<InvitationRow>(new CommandDefinition(_sql.Invitations, new { roundId }, cancellationToken: cancellationToken));
        return rows.Select(r => new RoundInvitation(r.RoundId, r.UserId, r.TokenId, r.MailId, r.Sends, r.CreatedAt, r.UpdatedAt)).ToList();
    }

    public Task<InvitationWriteOutcome> QueueInvitationAsync(InvitationWrite write, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        UnitOfWork.RunAsync(factory, async (connection, transaction) =>
        {
            // The token first: the invitation row refers to it. Everything rolls back unless the row is claimed.
            await connection.ExecuteAsync(new CommandDefinition(_users.InsertToken, UserRepository.TokenParameters(write.Token), transaction,
                cancellationToken: cancellationToken));
            var invitation = new
            {
                round_id = write.RoundId,
                user_id = write.Token.UserId,
                token_id = write.Token.Id,
                mail_id = write.Mail.Id,
                sends = 1,
                created_at = now,
                updated_at = now,
                replaces = write.ReplacesTokenId,
            };
            var claimed = write.ReplacesTokenId is null
                ? await connection.ExecuteAsync(new CommandDefinition(_sql.InsertInvitation, invitation, transaction, cancellationToken: cancellationToken))
                : await connection.ExecuteAsync(new CommandDefinition(_sql.ReplaceInvitation, invitation, transaction, cancellationToken: cancellationToken));
            if (claimed != 1)
            {
                return (false, write.ReplacesTokenId is null ? InvitationWriteOutcome.AlreadyInvited : InvitationWriteOutcome.Superseded);
            }
            if (write.ReplacesTokenId is { } old)
            {
                await connection.ExecuteAsync(new CommandDefinition(_sql.RevokeToken, new { id = old, now }, transaction, cancellationToken: cancellationToken));
            }
            if (!await MailOutboxRepository.EnqueueAsync(connection, transaction, _outbox, write.Mail, now, cancellationToken))
            {
                return (false, InvitationWriteOutcome.Superseded);
            }
            await AuditEventRepository.WriteAsync(connection, transaction, write.Audit, cancellationToken);
            return (true, InvitationWriteOutcome.Queued);
        }, cancellationToken);

    public Task<bool> QueueAsync(OutgoingMail mail, AuditEvent audit, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        UnitOfWork.ChangeAsync(factory, audit,
            (connection, transaction) => MailOutboxRepository.EnqueueAsync(connection, transaction, _outbox, mail, now, cancellationToken),
            cancellationToken);

    private sealed class ContactRow
    {
        public string ParticipationId { get; set; } = "";
        public string InstitutionId { get; set; } = "";
        public string InstitutionName { get; set; } = "";
        public string InstitutionType { get; set; } = "";
        public string Status { get; set; } = "";
        public DateTimeOffset? ClosesAt { get; set; }
        public string? UserId { get; set; }
        public string? UserName { get; set; }
        public string? Email { get; set; }
    }

    private sealed class InvitationRow
    {
        public string RoundId { get; set; } = "";
        public string UserId { get; set; } = "";
        public string TokenId { get; set; } = "";
        public string MailId { get; set; } = "";
        public int Sends { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }
    }
}
