using System.Text.Encodings.Web;
using Community.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Community.Bench.Bare;

/// <summary>
/// Bare SignalR on its own Kestrel in this process: <see cref="BareHub"/> at the product's hub path,
/// JSON protocol as the product speaks it, warnings and errors kept like the nodes'.
/// </summary>
internal sealed class BareServer : IRoomServer, IAsyncDisposable
{
    private readonly WebApplication _app;

    private BareServer(WebApplication app)
    {
        _app = app;
        BaseAddress = new Uri(app.Urls.First());
    }

    public Uri BaseAddress { get; }

    public string Kind => Target.Bare;

    public string? DatabaseFile => null;

    public static async Task<BareServer> StartAsync(CapturingLoggerProvider log)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning).AddProvider(log);
        builder.Services.AddSingleton<BareRooms>();
        builder.Services.AddSignalR()
            .AddJsonProtocol(json => json.PayloadSerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<BareHub>("/" + HubTestClient.HubPath);
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return new BareServer(app);
    }

    /// <summary>Rooms are names: each connection joins its room's group; no members, no tokens.</summary>
    public async Task<(string[] RoomIds, HubTestClient[] Hubs)> SeatAsync(int roomCount, IReadOnlyList<int> roomOfPerson, int senderCount)
    {
        var roomIds = Enumerable.Range(1, roomCount).Select(r => $"bare-room-{r}").ToArray();
        var hubs = await Task.WhenAll(roomOfPerson.Select(async room =>
        {
            var hub = await HubTestClient.ConnectAsync(BaseAddress, token: null);
            await hub.InvokeVoidAsync("JoinRoom", roomIds[room]);
            return hub;
        }));
        return (roomIds, hubs);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await _app.DisposeAsync();
    }
}
