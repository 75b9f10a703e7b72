namespace Community.Silo.Storage;

/// <summary>Brings the configured database up to the current schema; safe to run at every start.</summary>
internal interface IStorageMigrator
{
    Task MigrateAsync();
}
