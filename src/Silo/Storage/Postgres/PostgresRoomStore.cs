namespace Community.Silo.Storage.Postgres;

/// <summary>Rooms over PostgreSQL, which keeps each room's folded name and topic in <c>search_text</c>.</summary>
internal sealed class PostgresRoomStore(PostgresDatabase database) : RoomStore(database, PostgresDialect.Instance)
{
    protected override string? SearchTextColumn => "search_text";

    protected override string Matches => "strpos(r.search_text, @folded) > 0";
}
