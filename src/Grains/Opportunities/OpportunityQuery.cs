namespace Community.Grains.Opportunities;

/// <summary>
/// What a member browses for: a kind, open or closed ones (open unless asked), remote ones only, words in the title,
/// description or location (folded as the directory folds), and the page before (<see cref="Before"/>: an
/// opportunity's posting time and id, the page's cursor); open and closed as of <see cref="Now"/>.
/// </summary>
public sealed record OpportunityQuery(string? Kind, string Status, bool RemoteOnly, string? Text, (DateTimeOffset PostedAt, string Id)? Before, DateTimeOffset Now);
