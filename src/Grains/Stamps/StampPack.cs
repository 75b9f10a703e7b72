namespace Community.Grains.Stamps;

public sealed record StampPack(string Id, string Name, IReadOnlyList<Stamp> Stamps);
