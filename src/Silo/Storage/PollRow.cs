using Community.Grains.Polls;

namespace Community.Silo.Storage;

/// <summary>A <c>polls</c> row as read.</summary>
internal sealed class PollRow
{
    public const string Columns = "id, room_id, seq, created_by, question, options, multiple, anonymous, closes_at, closed_at, created_at";

    public string id { get; set; } = "";
    public string room_id { get; set; } = "";
    public long seq { get; set; }
    public string created_by { get; set; } = "";
    public string question { get; set; } = "";
    public string options { get; set; } = "[]";
    public bool multiple { get; set; }
    public bool anonymous { get; set; }
    public long? closes_at { get; set; }
    public long? closed_at { get; set; }
    public long created_at { get; set; }

    public Poll ToPoll() => new(id, room_id, seq, created_by, question, StoredValues.List(options), multiple, anonymous,
        StoredValues.Time(closes_at), StoredValues.Time(closed_at), StoredValues.Time(created_at));
}
