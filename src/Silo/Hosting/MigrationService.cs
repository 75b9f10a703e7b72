using Community.Silo.Storage;
using Microsoft.Extensions.Hosting;

namespace Community.Silo.Hosting;

/// <summary>Applies schema migrations before the node starts serving.</summary>
internal sealed class MigrationService(IStorageMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
