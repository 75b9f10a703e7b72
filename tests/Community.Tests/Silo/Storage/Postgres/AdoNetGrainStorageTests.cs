namespace Community.Tests.Silo.Storage.Postgres;

public sealed class AdoNetGrainStorageTests(AdoNetGrainStorageFixture fixture) : GrainStorageContract(fixture), IClassFixture<AdoNetGrainStorageFixture>;
