using Community.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Community.Silo;

/// <summary>
/// A silo node of its own: the grains and their storage, delivering to the gateway nodes'
/// connections through Redis; over HTTP only <c>/health/live</c> and <c>/health/ready</c>.
/// </summary>
public static class SiloHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddCommunityLogging();
        builder.Services.AddCommunityNode(builder.Configuration);
        builder.UseOrleans(silo => silo.AddCommunitySilo(builder.Configuration));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapHealthApi();
        return app;
    }
}
