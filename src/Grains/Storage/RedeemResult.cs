namespace Community.Grains.Storage;

public enum RedeemResult
{
    Redeemed,
    UnknownCode,
    AlreadyUsed,
    Expired,
    Revoked,
    HandleTaken,
}
