namespace Community.Tests.Silo.Storage.Sqlite;

public sealed class SqliteReminderTableTests(SqliteReminderTableFixture fixture) : ReminderTableContract(fixture), IClassFixture<SqliteReminderTableFixture>;
