namespace Community.Gateway.Contracts;

public sealed record RoomNotificationsRequest(bool? Muted, DateTimeOffset? Until);
