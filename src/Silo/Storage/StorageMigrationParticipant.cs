namespace Community.Silo.Storage;

/// <summary>
/// Migrates the database first thing in the silo's start, before Orleans' ADO.NET clustering, grain
/// storage and reminders read their queries from it, and before any grain reads its state. The
/// migrator is idempotent, so the node's <see cref="Hosting.MigrationService"/> running it too costs a few reads.
/// </summary>
internal sealed class StorageMigrationParticipant(IStorageMigrator migrator) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(StorageMigrationParticipant), ServiceLifecycleStage.RuntimeInitialize - 1, _ => migrator.MigrateAsync());
}
