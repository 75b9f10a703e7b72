using Community.Gateway.Extensions;
using Community.Silo;
using Community.Silo.Hosting;

namespace Community.Gateway;

/// <summary>
/// Builds a gateway node (REST, hub, web client): co-hosting an Orleans silo with the grains by
/// default, or as an Orleans client of silo nodes running elsewhere (<c>Community:Orleans:Mode</c>).
/// </summary>
public static class CommunityApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddCommunityLogging();
        // Storage migrates before a silo starts: the silo's own tables may be among the migrations.
        builder.Services.AddCommunityNode(builder.Configuration);
        if (OrleansOptions.From(builder.Configuration).IsClient)
            builder.UseOrleansClient(client => client.AddCommunityClient(builder.Configuration));
        else
            builder.UseOrleans(silo => silo.AddCommunitySilo(builder.Configuration));
        builder.AddCommunityGateway();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapCommunityGateway();
        return app;
    }
}
