namespace Community.Grains.Stamps;

/// <summary>A stamp's image bytes, with the entity tag that caches it.</summary>
public sealed record StampImage(string ContentType, byte[] Bytes, string ETag);
