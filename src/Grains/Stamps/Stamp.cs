namespace Community.Grains.Stamps;

/// <summary>One sticker of a pack; its image is served at <see cref="ImageUrl"/>.</summary>
public sealed record Stamp(string Id, string Label, string ImageUrl);
