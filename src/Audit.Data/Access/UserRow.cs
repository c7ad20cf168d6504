using Audit.Core.Access;

namespace Audit.Data.Access;

/// <summary>A user as stored: what the user queries select, turned into Core's <see cref="User"/>.</summary>
internal class UserRow
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string Role { get; set; } = "";
    public string? InstitutionId { get; set; }
    public bool Active { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public User ToUser() => new(
        Id, Name, Email,
        Roles.TryParse(Role, out var role) ? role : throw new InvalidOperationException($"Unknown role '{Role}' for user {Id}."),
        InstitutionId, Active, CreatedAt);
}
