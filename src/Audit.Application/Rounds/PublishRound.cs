using Audit.Core.AuditTrail;
using Audit.Core.Mail;
using Audit.Application.SectorFindings;
using Audit.Core.SectorFindings;
using Audit.Core.SectorViews;

namespace Audit.Application.Rounds;

/// <summary>
/// An admin publishes a closed round: from then on the ministry reads its published sector views and each institution
/// its feedback report. Refused (409, extension <c>reasons</c>, one sentence per sector) while any sector view is not
/// current, because the ministry would read figures that miss an accept, and (409, extension
/// <c>findingsMissing</c>) while a sector published with figures has no approved findings (<see cref="FindingsGate"/>). The status change and a "your feedback report
/// is ready" mail to every contact of every accepted participation are written in one transaction; the mails carry the
/// dedupe key <see cref="PublicationMail.DedupeKey"/>. Reached through <see cref="ChangeRoundStatus"/> with status
/// <c>published</c>, so the API and the page publish the same way.
/// </summary>
public sealed class PublishRound(
    IRoundRepository rounds, IRoundMailRepository roundMail, ISectorDirtyRepository dirty, ISectorViewRepository views,
    IRoundPublicationRepository publication, IPublicationMails mails, ISectorFindingsRepository findings, TimeProvider clock)
{
    public async Task<Outcome<RoundRecord>> ExecuteAsync(Caller caller, string roundId, CancellationToken cancellationToken)
    {
        if (Permission.AdminOnly(caller) is { } refused)
        {
            return refused;
        }
        var found = await rounds.FindAsync(roundId, cancellationToken);
        if (!found.TryGetValue(out var current, out var failure))
        {
            return failure;
        }
        var from = current.Round.Status;
        var check = RoundTransitions.Check(from, RoundStatus.Published);
        if (!check.IsAllowed)
        {
            return ChangeRoundStatus.Refused(check);
        }
        var state = await PublicationInputs.ReadAsync(roundMail, dirty, views, roundId, cancellationToken);
        if (!state.Readiness.SectorViewsCurrent)
        {
            return new Failure.Conflict("The round cannot be published while a sector view is not current: " + string.Join(" ", state.Readiness.Reasons))
            {
                Extensions = new Dictionary<string, object?>
                {
                    ["reasons"] = state.Readiness.Reasons,
                    ["staleInstitutionTypes"] = state.Readiness.Sectors.Where(s => s.IsStale).Select(s => s.Type.ToWireName()).ToArray(),
                },
            };
        }
        var missing = await FindingsGate.MissingAsync(views, findings, roundId, cancellationToken);
        if (missing.Count > 0)
        {
            var reasons = missing.Select(FindingsGate.Reason).ToArray();
            return new Failure.Conflict("The round cannot be published while a sector has no approved findings: " + string.Join(" ", reasons))
            {
                Extensions = new Dictionary<string, object?> { ["reasons"] = reasons, ["findingsMissing"] = missing },
            };
        }
        var now = clock.GetUtcNow();
        var outgoing = (from participation in state.Participations
                        where participation.Status == ParticipationStatus.Accepted
                        from contact in participation.Contacts
                        select Mail(current.Round, participation, contact)).ToList();
        var audit = caller.ToActor().Did("round.status-changed", "round", roundId, now,
            $"{from.ToWireName()} → {RoundStatus.Published.ToWireName()}, {outgoing.Count} feedback mail(s) queued");
        var result = await publication.PublishAsync(roundId, audit, outgoing, cancellationToken);
        return result.Outcome switch
        {
            StatusChangeOutcome.Changed => result.Record!,
            StatusChangeOutcome.NotFound => RoundLookup.NotFound(roundId),
            _ => new Failure.Conflict($"The round's status changed meanwhile to '{result.Record?.Round.Status.ToWireName()}'; reload and try again."),
        };
    }

    private OutgoingMail Mail(Round round, ParticipationContacts participation, Contact contact)
    {
        var text = mails.FeedbackReady(round, participation, contact);
        return new OutgoingMail(AccessTokens.NewId("m_"), PublicationMail.DedupeKey(round.Id, contact.UserId), contact.Email, text.Subject, text.Body);
    }
}
