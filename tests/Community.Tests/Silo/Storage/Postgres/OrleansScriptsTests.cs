using System.Security.Cryptography;
using System.Text;
using Community.Silo.Storage.Postgres;

namespace Community.Tests.Silo.Storage.Postgres;

public sealed class OrleansScriptsTests
{
    /// <summary>The upstream git blob ids, as Postgres/Orleans/README.md lists them.</summary>
    public static readonly TheoryData<string, string> UpstreamBlobs = new()
    {
        { "PostgreSQL-Main.sql", "e4f78c86342297b7c7ffeb271b7be066e08f3508" },
        { "PostgreSQL-Clustering.sql", "459e76b579d7b8363005b8d916d7388adcc8afb9" },
        { "PostgreSQL-Persistence.sql", "c52fcc2f203042764ddc300c3ed3d15da4b0ebc0" },
        { "PostgreSQL-Reminders.sql", "a5080560f88d09dc79534ce31898246be6c155ea" },
    };

    [Theory]
    [MemberData(nameof(UpstreamBlobs))]
    public void An_embedded_orleans_script_is_the_upstream_file_unmodified(string script, string blob)
    {
        var content = Encoding.UTF8.GetBytes(OrleansScripts.Read(script));

        // What `git hash-object` computes: SHA-1 over "blob <length>\0" and the bytes.
        var hashed = Encoding.ASCII.GetBytes($"blob {content.Length}\0").Concat(content).ToArray();
        Assert.Equal(blob, Convert.ToHexStringLower(SHA1.HashData(hashed)));
    }

    [Fact]
    public void The_main_clustering_script_inserts_the_cleanup_query_that_Orleans_10_4_refuses_to_start_without()
    {
        Assert.Contains("'CleanupDefunctSiloEntriesKey'", OrleansScripts.Read("PostgreSQL-Clustering.sql"));
    }
}
