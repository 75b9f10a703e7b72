namespace Community.Silo.Storage.Postgres;

/// <summary>
/// Orleans' ADO.NET scripts for PostgreSQL, upstream files embedded unmodified (Postgres/Orleans/README.md
/// says where from). Each runs once per database, in this order: Main creates the query table the others fill.
/// </summary>
internal static class OrleansScripts
{
    /// <summary>The ADO.NET invariant under which Orleans' providers load Npgsql.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>The dotnet/orleans commit the scripts were taken from.</summary>
    public const string UpstreamCommit = "e558829b0b0f696e98c222438106e643fb53928f";

    private const string ResourcePrefix = "Community.Silo.Storage.Postgres.Orleans.";

    public static readonly IReadOnlyList<string> Names =
    [
        "PostgreSQL-Main.sql",
        "PostgreSQL-Clustering.sql",
        "PostgreSQL-Persistence.sql",
        "PostgreSQL-Reminders.sql",
    ];

    public static string Read(string name)
    {
        using var stream = typeof(OrleansScripts).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The Orleans script {name} is not embedded in {typeof(OrleansScripts).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
