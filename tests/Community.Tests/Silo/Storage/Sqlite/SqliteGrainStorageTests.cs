namespace Community.Tests.Silo.Storage.Sqlite;

public sealed class SqliteGrainStorageTests(SqliteGrainStorageFixture fixture) : GrainStorageContract(fixture), IClassFixture<SqliteGrainStorageFixture>;
