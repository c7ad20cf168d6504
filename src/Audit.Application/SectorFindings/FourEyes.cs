using Audit.Core.SectorFindings;

namespace Audit.Application.SectorFindings;

/// <summary>
/// The approval rules shared by every text the bureau approves (sector findings, the cycle summary): the approver names
/// the version it read (If-Match, required), so an approval never lands on a text changed meanwhile, and the author of
/// that version may not approve it. Returns the version to approve, or the refusal.
/// </summary>
public static class FourEyes
{
    public static Outcome<int> Check<T>(T existing, VersionPrecondition ifMatch, Caller caller, Func<T, Failure> stale, Func<T, Dictionary<string, object?>> current)
        where T : IApprovableText
    {
        if (!ifMatch.IsPresent)
        {
            return new Failure.PreconditionRequired(
                $"Send If-Match with the version you read and approve (now {existing.Version}).", existing.Version) { Extensions = current(existing) };
        }
        if (ifMatch.MatchFor(existing.Version) is not { } version)
        {
            return stale(existing);
        }
        if (existing.UpdatedBy == caller.UserId)
        {
            return new Failure.Forbidden("You wrote this version; another analyst approves it (four eyes).");
        }
        if (existing.IsApproved)
        {
            return new Failure.Conflict($"Version {existing.Version} is approved already.");
        }
        return version;
    }

    /// <summary>draft (never approved), approved (this version), or changed (an earlier version was approved).</summary>
    public static string StatusOf(IApprovableText text) => text.IsApproved ? "approved" : text.ApprovedVersion is null ? "draft" : "changed";
}
