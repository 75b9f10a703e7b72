using System.Net.Http.Headers;
using Community.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Community.Tests.Support;

/// <summary>
/// One Community node on real Kestrel, bound to a free loopback port, over a SQLite file in a
/// temp folder. Restarting on the same folder is a new node over the same data.
/// </summary>
public sealed class CommunityNode : IAsyncDisposable
{
    public const string SecretariatHandle = "secretariat";
    public const string SecretariatPassword = "secretariat-password";

    private readonly WebApplication _app;
    private readonly bool _ownsData;

    private CommunityNode(WebApplication app, string dataPath, bool ownsData)
    {
        _app = app;
        _ownsData = ownsData;
        DataPath = dataPath;
        BaseAddress = new Uri(app.Urls.First());
        Anonymous = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public string DataPath { get; }

    /// <summary>A client with no token.</summary>
    public HttpClient Anonymous { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a node; on <paramref name="dataPath"/> when given (the caller then owns the folder), else on a new temp folder.</summary>
    public static async Task<CommunityNode> StartAsync(string? dataPath = null, IDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var ownsData = dataPath is null;
        dataPath ??= NewDataPath();
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            "--environment=Test",
            $"--Community:DataPath={dataPath}",
            $"--Community:Bootstrap:Handle={SecretariatHandle}",
            $"--Community:Bootstrap:Password={SecretariatPassword}",
            "--Serilog:MinimumLevel:Default=Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) args.Add($"--{key}={value}");
        var app = CommunityApp.Build(args.ToArray(), configure);
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return new CommunityNode(app, dataPath, ownsData);
    }

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
    /// A hub connection that is in its rooms already. The server confirms the handshake before it
    /// has put the connection in its rooms' groups, but dispatches an invocation only after: one
    /// that fails at once, touching nothing, is the fence.
    /// </summary>
    public async Task<HubTestClient> ConnectAsync(string token, bool tokenInQueryString = false)
    {
        var hub = await HubTestClient.ConnectAsync(BaseAddress, token, tokenInQueryString);
        try
        {
            await hub.InvokeAsync("MarkRead", "r_connection_ready", 0);
        }
        catch (HubInvocationException refused) when (refused.Message.StartsWith("not_found:", StringComparison.Ordinal))
        {
        }
        return hub;
    }

    public async ValueTask DisposeAsync()
    {
        Anonymous.Dispose();
        await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownsData) DeleteData(DataPath);
    }

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
