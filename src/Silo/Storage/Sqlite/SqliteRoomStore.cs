namespace Community.Silo.Storage.Sqlite;

/// <summary>Rooms over SQLite, which keeps no search text: discovery folds name and topic as it reads (fold() comes with every connection).</summary>
internal sealed class SqliteRoomStore(SqliteDatabase database) : RoomStore(database, SqliteDialect.Instance)
{
    protected override string? SearchTextColumn => null;

    protected override string Matches => "instr(fold(r.name), @folded) > 0 OR instr(fold(r.topic), @folded) > 0";
}
