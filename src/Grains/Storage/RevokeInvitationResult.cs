namespace Community.Grains.Storage;

public enum RevokeInvitationResult
{
    Revoked,
    AlreadyRevoked,
    UnknownCode,
    AlreadyUsed,
}
