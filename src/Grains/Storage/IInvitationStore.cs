using Community.Grains.Audit;
using Community.Grains.Members;

namespace Community.Grains.Storage;

public interface IInvitationStore
{
    /// <summary>Adds a batch of invitations, and records <paramref name="audit"/> with it when given.</summary>
    Task AddAsync(IReadOnlyList<Invitation> invitations, AuditEntry? audit = null);

    /// <summary>Withdraws an unused invitation and records <paramref name="audit"/> with it; a code revoked already is left as it is, and nothing recorded.</summary>
    Task<RevokeInvitationResult> RevokeAsync(string code, DateTimeOffset revokedAt, AuditEntry audit);

    Task<IReadOnlyList<Invitation>> ListAsync();

    Task<Invitation?> GetAsync(string code);

    /// <summary>Uses the code and creates the member in one transaction: both happen or neither.</summary>
    Task<RedeemResult> RedeemAsync(string code, MemberProfile profile, string passwordHash, DateTimeOffset now);
}
