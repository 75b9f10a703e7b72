using System.Diagnostics.CodeAnalysis;
using Community.Grains.Storage;

namespace Community.Silo.Storage;

/// <summary>An <c>invitations</c> row as read.</summary>
internal sealed class InvitationRow
{
    public const string Columns = "code AS Code, role AS Role, expires_at AS ExpiresAt, used_by AS UsedBy, note AS Note, created_by AS CreatedBy, created_at AS CreatedAt, revoked_at AS RevokedAt";

    public string Code { get; set; } = "";
    public string Role { get; set; } = "";
    public long ExpiresAt { get; set; }
    public string? UsedBy { get; set; }
    public string? Note { get; set; }
    public string CreatedBy { get; set; } = "";
    public long CreatedAt { get; set; }
    public long? RevokedAt { get; set; }

    public Invitation ToInvitation() =>
        new(Code, Role, StoredValues.Time(ExpiresAt), UsedBy, Note, CreatedBy, StoredValues.Time(CreatedAt), StoredValues.Time(RevokedAt));

    /// <summary>Whether the code cannot be redeemed at <paramref name="now"/>, and why.</summary>
    public static bool Refuses([NotNullWhen(false)] InvitationRow? row, DateTimeOffset now, out RedeemResult refusal)
    {
        refusal = row is null ? RedeemResult.UnknownCode
            : row.UsedBy is not null ? RedeemResult.AlreadyUsed
            : row.RevokedAt is not null ? RedeemResult.Revoked
            : StoredValues.Time(row.ExpiresAt) <= now ? RedeemResult.Expired
            : RedeemResult.Redeemed;
        return refusal != RedeemResult.Redeemed;
    }
}
