using Community.Grains.Members;

namespace Community.Grains.Storage;

public interface IInvitationStore
{
    Task AddAsync(IReadOnlyList<Invitation> invitations);

    Task<IReadOnlyList<Invitation>> ListAsync();

    Task<Invitation?> GetAsync(string code);

    /// <summary>Uses the code and creates the member in one transaction: both happen or neither.</summary>
    Task<RedeemResult> RedeemAsync(string code, MemberProfile profile, string passwordHash, DateTimeOffset now);
}
