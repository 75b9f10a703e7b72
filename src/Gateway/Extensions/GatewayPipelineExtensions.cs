using Community.Gateway.ApiReference;
using Community.Gateway.Apis;
using Community.Gateway.Errors;
using Community.Gateway.Hubs;
using Community.Gateway.Logging;
using Community.Gateway.Proxy;
using Community.Silo.Hosting;
using Community.Gateway.WebClient;

namespace Community.Gateway.Extensions;

internal static class GatewayPipelineExtensions
{
    /// <summary>The middleware, the REST API, the hub, the API reference and the web client, in the order requests meet them.</summary>
    public static WebApplication MapCommunityGateway(this WebApplication app)
    {
        app.UseKnownProxies();
        // Outside the error middleware: the line says the status the client got.
        app.UseRequestLogging();
        app.UseMiddleware<ErrorResponseMiddleware>();
        app.UseWebClientHeaders();
        app.UseWebSockets();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapHealthApi();
        app.MapAuthApi();
        app.MapSessionsApi();
        app.MapInvitationsApi();
        app.MapMembersApi();
        app.MapExportApi();
        app.MapRoomsApi();
        app.MapThreadsApi();
        app.MapPinsApi();
        app.MapRoomNoticeApi();
        app.MapDmsApi();
        app.MapStampsApi();
        app.MapMeetupsApi();
        app.MapOpportunitiesApi();
        app.MapCalendarFeedApi();
        app.MapPollsApi();
        app.MapSurveysApi();
        app.MapNetworkEventsApi();
        app.MapModerationApi();
        app.MapNotificationsApi();
        app.MapStatsApi();
        app.MapScheduledBroadcastsApi();
        app.MapAuditApi();
        app.MapSearchApi();
        app.MapMailApi();
        // A connection closes when its session ends (the ticket's expiry), as well as when it is revoked.
        app.MapHub<ChatHub>("/hubs/chat", hub => hub.CloseOnAuthenticationExpiration = true);
        app.MapApiReference();
        app.MapWebClient();
        return app;
    }
}
