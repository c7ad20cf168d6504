using Audit.Core.Mail;
using Audit.Core.SectorViews;

namespace Audit.Application.Rounds;

/// <summary>What publishing a round is decided on: its participations with their contacts, and its sectors' freshness.</summary>
internal sealed record PublicationState(IReadOnlyList<ParticipationContacts> Participations, PublicationReadiness Readiness);

/// <summary>Reads the <see cref="PublicationState"/> of a round, for the preview and for publishing alike, so both judge the same way.</summary>
internal static class PublicationInputs
{
    public static async Task<PublicationState> ReadAsync(
        IRoundMailRepository roundMail, ISectorDirtyRepository dirty, ISectorViewRepository views, string roundId, CancellationToken cancellationToken)
    {
        var participations = await roundMail.ContactsAsync(roundId, cancellationToken);
        var marks = (await dirty.ListAsync(cancellationToken)).Where(m => m.RoundId == roundId).Select(m => m.InstitutionType);
        var computed = (await views.ListCurrentAsync(roundId, cancellationToken))
            .Select(v => InstitutionTypes.TryParse(v.InstitutionType, out var type) ? type : (InstitutionType?)null)
            .OfType<InstitutionType>();
        var readiness = PublicationReadiness.Of(participations.Select(p => (p.InstitutionType, p.Status)), marks, computed);
        return new PublicationState(participations, readiness);
    }
}
