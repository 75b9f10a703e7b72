using System.Net;
using Community.Silo.Storage;
using Community.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Community.Tests.Gateway;

/// <summary>The request log says the status each client got: a refusal's 4xx, a server failure's 500.</summary>
public sealed class RequestLogTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_request_that_fails_in_storage_is_logged_with_the_500_its_client_got()
    {
        var capture = new CapturingLoggerProvider();
        await using var node = await CommunityNode.StartAsync(
            settings: new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Information" },
            configure: builder => builder.Logging.AddProvider(capture));
        var secretariat = await new Network(node).SecretariatAsync();
        await (await secretariat.Http.GetAsync("/api/admin/invitations")).ReadJsonAsync();

        // Storage fails under the next listing: its table is gone.
        await ExecuteAsync(node, "ALTER TABLE invitations RENAME TO invitations_gone");
        var failed = await secretariat.Http.GetAsync("/api/admin/invitations");
        var refused = await secretariat.Http.GetAsync("/api/rooms/r_nosuchroom");

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        await capture.WaitForAsync(line => line.Contains("GET /api/admin/invitations responded 500", StringComparison.Ordinal), Timeout);
        await capture.WaitForAsync(line => line.Contains("GET /api/rooms/r_nosuchroom responded 404", StringComparison.Ordinal), Timeout);
        var listings = capture.Lines.Where(line => line.Contains("GET /api/admin/invitations responded", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, listings.Length);
        Assert.Contains("responded 200", listings[0], StringComparison.Ordinal);
        Assert.StartsWith("Error ", listings[1], StringComparison.Ordinal);
        // Each line names the route as mapped, for counting by endpoint.
        var notFound = capture.Lines.Single(line => line.Contains("GET /api/rooms/r_nosuchroom responded 404", StringComparison.Ordinal));
        Assert.Contains("Route=/api/rooms/{id}", notFound, StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(CommunityNode node, string sql)
    {
        await using var connection = await node.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
