using Community.Grains.Messages;
using Community.Grains.Search;

namespace Community.Silo.Storage.Search;

/// <summary>A message as the search index holds it: where it is, and its text as tokens (none for a stamp, a tombstone or text of symbols only).</summary>
internal sealed record SearchEntry(string RoomId, long Seq, IReadOnlyList<string> Tokens)
{
    public static SearchEntry Of(string roomId, long seq, string? text, bool deleted) =>
        new(roomId, seq, deleted || text is null ? [] : SearchTokenizer.Tokenize(text).Select(t => t.Value).ToArray());

    public static SearchEntry Of(ChatMessage message) => Of(message.RoomId, message.Seq, message.Text, message.Deleted);

    public bool Indexed => Tokens.Count > 0;
}
