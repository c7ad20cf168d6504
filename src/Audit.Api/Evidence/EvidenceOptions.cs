using System.ComponentModel.DataAnnotations;
using Audit.Core.Evidence;

namespace Audit.Api.Evidence;

/// <summary>Configuration section <c>Evidence</c>: where uploaded documents live and how large they may be.</summary>
public sealed class EvidenceOptions
{
    public const string SectionName = "Evidence";

    /// <summary>The folder of the default file store (content named by SHA-256); share it between web nodes.</summary>
    [Required]
    public string Folder { get; set; } = "data/evidence";

    /// <summary>Largest accepted document in bytes (default 20 MB). Only the upload endpoint accepts bodies this large.</summary>
    [Range(1, 1L << 31)]
    public long MaxBytes { get; set; } = EvidenceContent.DefaultMaxBytes;
}
