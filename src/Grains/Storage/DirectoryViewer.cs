namespace Community.Grains.Storage;

/// <summary>Whose eyes a directory query answers for: the member asking, and whether they see everything (the secretariat).</summary>
public sealed record DirectoryViewer(string MemberId, bool SeesEverything);
