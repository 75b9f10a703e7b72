using Community.Gateway.Extensions;
using Community.Silo;

namespace Community.Gateway;

/// <summary>Builds a Community node: the silo (grains, storage, backplane) behind the gateway (REST, hub).</summary>
public static class CommunityApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddCommunityLogging();
        builder.Services.AddCommunitySilo(builder.Configuration);
        builder.AddCommunityGateway();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapCommunityGateway();
        return app;
    }
}
