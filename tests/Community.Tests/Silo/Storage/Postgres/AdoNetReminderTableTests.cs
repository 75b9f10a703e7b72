namespace Community.Tests.Silo.Storage.Postgres;

public sealed class AdoNetReminderTableTests(AdoNetReminderTableFixture fixture) : ReminderTableContract(fixture), IClassFixture<AdoNetReminderTableFixture>;
