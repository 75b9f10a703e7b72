using Community.Gateway.Extensions;
using Community.Silo;
using Community.Silo.Hosting;

namespace Community.Gateway;

/// <summary>Builds a Community node: the gateway (REST, hub) co-hosting an Orleans silo (grains, storage).</summary>
public static class CommunityApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddCommunityLogging();
        // Storage migrates before the silo starts: the silo's own tables may be among the migrations.
        builder.Services.AddCommunitySilo(builder.Configuration);
        builder.UseOrleans(silo => silo.AddCommunitySilo(builder.Configuration));
        builder.AddCommunityGateway();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapCommunityGateway();
        return app;
    }
}
