namespace Audit.Core.Mail;

/// <summary>The "your feedback report is ready" mail sent when a round is published.</summary>
public static class PublicationMail
{
    /// <summary>One per round and contact: a round is published once, and the key keeps a retried publish from mailing twice.</summary>
    public static string DedupeKey(string roundId, string userId) => $"publication:{roundId}:{userId}";
}
