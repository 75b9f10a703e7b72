using Orleans.Storage;

namespace Community.Silo.Storage.Sqlite;

/// <summary>How a <see cref="SqliteGrainStorage"/> provider serialises and clears state.</summary>
internal sealed class SqliteGrainStorageOptions : IStorageProviderSerializerOptions
{
    /// <summary>Orleans' serialiser for grain state; the silo's default (JSON) unless set.</summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;

    /// <summary>
    /// As Orleans' ADO.NET provider: false (the default) keeps a cleared row, without state, and
    /// moves its version on, so a writer holding an older ETag still fails; true deletes the row.
    /// </summary>
    public bool DeleteStateOnClear { get; set; }
}
