using System.Security.Cryptography;
using System.Text;

namespace Audit.Core.Statistics;

/// <summary>
/// Identifies exactly which submissions a sector view was computed from, so a stored view can be
/// recognised as stale when a participation is added, removed or re-submitted.
/// </summary>
/// <remarks>
/// Encoding: the (participationId, submissionHash) pairs sorted by id, then hash (ordinal), each written
/// as <c>id TAB hash LF</c> in UTF-8; the result is "sha256:" + lowercase hex of SHA-256 over those bytes.
/// Ids and hashes may not contain TAB or LF, which keeps the encoding unambiguous. A participation listed
/// twice is an error: it would be counted twice in the statistics.
/// </remarks>
public static class InputFingerprint
{
    public const string Prefix = "sha256:";

    public static string Compute(IEnumerable<(string ParticipationId, string SubmissionHash)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var sorted = pairs.ToList();
        sorted.Sort(static (a, b) =>
        {
            var byId = string.CompareOrdinal(a.ParticipationId, b.ParticipationId);
            return byId != 0 ? byId : string.CompareOrdinal(a.SubmissionHash, b.SubmissionHash);
        });

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        string? previousId = null;
        foreach (var (id, submissionHash) in sorted)
        {
            if (previousId is not null && string.Equals(previousId, id, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Participation '{id}' is included more than once.", nameof(pairs));
            }
            previousId = id;
            EnsureEncodable(id, nameof(pairs));
            EnsureEncodable(submissionHash, nameof(pairs));
            hash.AppendData(Encoding.UTF8.GetBytes(id + "\t" + submissionHash + "\n"));
        }
        return Prefix + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    internal static void EnsureEncodable(string value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (value.AsSpan().IndexOfAny('\t', '\n') >= 0)
        {
            throw new ArgumentException($"'{value}' contains a tab or newline and cannot be fingerprinted.", paramName);
        }
    }
}
