using Community.Grains.Storage;

namespace Community.Silo.Storage;

/// <summary>A <c>tokens</c> row read as a session.</summary>
internal sealed class SessionRow
{
    public const string Columns = "session_id AS SessionId, member_id AS MemberId, device AS Device, created_at AS CreatedAt, last_seen_at AS LastSeenAt";

    public string SessionId { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string? Device { get; set; }
    public long CreatedAt { get; set; }
    public long LastSeenAt { get; set; }

    public Session ToSession() => new(SessionId, MemberId, Device, StoredValues.Time(CreatedAt), StoredValues.Time(LastSeenAt));
}
