namespace Community.Silo.Storage;

/// <summary>The one string a room discovery search looks in, for a store that keeps it in a column.</summary>
internal static class RoomSearchText
{
    public static string Of(string name, string topic) => StoredValues.Folded(name + "\n" + topic);
}
