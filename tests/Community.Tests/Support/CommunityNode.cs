using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Community.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Community.Tests.Support;

/// <summary>
/// One Community node on real Kestrel, bound to a free loopback port, over a SQLite file in a
/// temp folder, or over a PostgreSQL database when <see cref="TestStore"/> says so or a
/// connection string is given. Restarting on the same folder is a new node over the same data,
/// in either store: the PostgreSQL database is named after the folder.
/// </summary>
public sealed class CommunityNode : IAsyncDisposable
{
    public const string SecretariatHandle = "secretariat";
    public const string SecretariatPassword = "secretariat-password";

    private readonly WebApplication _app;
    private readonly bool _ownsData;
    private readonly bool _ownsDatabase;

    private CommunityNode(WebApplication app, string dataPath, bool ownsData, string? postgresConnectionString, bool ownsDatabase)
    {
        _app = app;
        _ownsData = ownsData;
        _ownsDatabase = ownsDatabase;
        DataPath = dataPath;
        PostgresConnectionString = postgresConnectionString;
        BaseAddress = new Uri(app.Urls.First());
        Anonymous = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public string DataPath { get; }

    /// <summary>The PostgreSQL database the node runs on; null on SQLite. Give it to a second node to share the data.</summary>
    public string? PostgresConnectionString { get; }

    /// <summary>A client with no token.</summary>
    public HttpClient Anonymous { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts a node; on <paramref name="dataPath"/> when given (the caller then owns the folder), else on a new temp folder.
    /// With <paramref name="postgresConnectionString"/> the node runs on that PostgreSQL database (nodes given the same one
    /// share their data); without it, on the store <see cref="TestStore"/> names.
    /// </summary>
    public static async Task<CommunityNode> StartAsync(string? dataPath = null, IReadOnlyDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null, string? postgresConnectionString = null)
    {
        var ownsData = dataPath is null;
        dataPath ??= NewDataPath();
        var ownsDatabase = false;
        if (postgresConnectionString is null && TestStore.IsPostgres)
        {
            postgresConnectionString = await PostgresServer.OpenDatabaseAsync(DatabaseNameOf(dataPath)).WaitAsync(TimeSpan.FromSeconds(60));
            ownsDatabase = ownsData;
        }
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            "--environment=Test",
            $"--Community:DataPath={dataPath}",
            $"--Community:Bootstrap:Handle={SecretariatHandle}",
            $"--Community:Bootstrap:Password={SecretariatPassword}",
            "--Serilog:MinimumLevel:Default=Warning",
            // Every test client signs up and in from 127.0.0.1: the per-address limit would pace the
            // tests, not guard anything (the tests of that limit set their own).
            "--Community:Limits:AnonymousRequestBurst=100000",
            "--Community:Limits:AnonymousRequestsPerMinute=100000",
        };
        args.AddRange(FreePort.OrleansPortArgs());
        if (postgresConnectionString is not null)
        {
            args.Add("--Community:Storage:Provider=postgres");
            args.Add($"--ConnectionStrings:Postgres={postgresConnectionString}");
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) args.Add($"--{key}={value}");
        var app = CommunityApp.Build(args.ToArray(), configure);
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return new CommunityNode(app, dataPath, ownsData, postgresConnectionString, ownsDatabase);
    }

    /// <summary>A new, empty PostgreSQL database for nodes that are to share one.</summary>
    public static Task<string> CreatePostgresDatabaseAsync() => PostgresServer.CreateDatabaseAsync().WaitAsync(TimeSpan.FromSeconds(60));

    public static string NewDataPath() => Path.Combine(Path.GetTempPath(), "community-tests", Guid.NewGuid().ToString("n"));

    public T GetRequiredService<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>A client that sends <paramref name="token"/> as a bearer token.</summary>
    public HttpClient ClientFor(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// A hub connection that is in its rooms already: it has heard the server's <c>ready</c>
    /// event, and from then on hears every event of its member's rooms.
    /// </summary>
    public Task<HubTestClient> ConnectAsync(string token, bool tokenInQueryString = false) =>
        HubTestClient.ConnectReadyAsync(BaseAddress, token, tokenInQueryString);

    /// <summary>A hub connection of <paramref name="member"/>'s that is in its rooms already (see <see cref="ConnectAsync(string, bool)"/>).</summary>
    public Task<HubTestClient> ConnectAsync(TestMember member, bool tokenInQueryString = false) =>
        ConnectAsync(member.Token, tokenInQueryString);

    public async ValueTask DisposeAsync()
    {
        Anonymous.Dispose();
        await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownsData) DeleteData(DataPath);
        if (_ownsDatabase) await PostgresServer.DropDatabaseAsync(PostgresConnectionString!).WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>
    /// The PostgreSQL database of a data folder (which then holds nothing), so that a restart on the
    /// folder finds the data again. A caller-owned folder's database lives as long as the test run's cluster.
    /// </summary>
    private static string DatabaseNameOf(string dataPath) =>
        "node_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataPath))))[..24];

    public static void DeleteData(string dataPath)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
