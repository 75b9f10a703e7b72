namespace Community.Silo.Storage;

/// <summary>Where and how the network's data is kept (<c>Community:</c> configuration).</summary>
public sealed class StorageOptions
{
    /// <summary>The folder that holds the SQLite database (<c>Community:DataPath</c>).</summary>
    public string DataPath { get; set; } = "./data";
}
