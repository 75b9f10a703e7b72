namespace Community.Grains.Stamps;

/// <summary>A stamp to store: its label and checked image.</summary>
public sealed record NewStamp(string Id, string Label, StampImage Image);
