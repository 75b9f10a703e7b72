namespace Community.Silo.Delivery;

/// <summary>An order to close connections wherever they are: every connection of a member, or those opened with one token.</summary>
public sealed record ConnectionOrder(ConnectionOrderKind Kind, string Value)
{
    private const char Separator = ':';

    public string ToWire() => $"{(Kind == ConnectionOrderKind.CloseMember ? "member" : "token")}{Separator}{Value}";

    public static ConnectionOrder? FromWire(string wire) => wire.Split(Separator, 2) switch
    {
        ["member", var memberId] => new ConnectionOrder(ConnectionOrderKind.CloseMember, memberId),
        ["token", var tokenHash] => new ConnectionOrder(ConnectionOrderKind.CloseToken, tokenHash),
        _ => null,
    };
}

public enum ConnectionOrderKind
{
    CloseMember,
    CloseToken,
}
