using Microsoft.Extensions.DependencyInjection;

namespace Community.Silo.Storage.Sqlite;

internal static class SqliteReminderServiceCollectionExtensions
{
    /// <summary>Orleans' reminder service over <see cref="SqliteReminderTable"/>, as <c>UseAdoNetReminderService</c> adds it over ADO.NET.</summary>
    public static IServiceCollection UseSqliteReminderService(this IServiceCollection services)
    {
        services.AddReminders();
        services.AddSqliteDatabase();
        services.AddSingleton<IReminderTable, SqliteReminderTable>();
        return services;
    }
}
