using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Community.Gateway.ApiReference;
using Community.Gateway.Auth;
using Community.Gateway.Contracts;
using Community.Gateway.Hubs;
using Community.Gateway.Logging;
using Community.Silo.Delivery;
using Community.Gateway.Stamps;
using Community.Gateway.WebClient;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;

namespace Community.Gateway.Extensions;

internal static class GatewayServiceExtensions
{
    /// <summary>Auth, the hub, JSON and limits of the edge.</summary>
    public static WebApplicationBuilder AddCommunityGateway(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var limits = builder.Configuration.GetSection("Community:Limits").Get<CommunityLimits>() ?? new CommunityLimits();
        services.AddOptions<CommunityLimits>()
            .Bind(builder.Configuration.GetSection("Community:Limits"))
            .Validate(l => l.PasswordHashConcurrency >= 0, "Community:Limits:PasswordHashConcurrency must be 0 (unbounded) or more.")
            .Validate(l => l.PasswordHashQueue >= 1, "Community:Limits:PasswordHashQueue must be 1 or more.")
            .Validate(l => l.TypingInterval >= TimeSpan.Zero, "Community:Limits:TypingInterval must not be negative.")
            .ValidateOnStart();
        services.Configure<BootstrapOptions>(builder.Configuration.GetSection("Community:Bootstrap"));
        services.AddOptions<SessionLifetimes>().Bind(builder.Configuration.GetSection(SessionLifetimes.Section))
            .Validate(o => o.IsValid(), $"{SessionLifetimes.Section}:IdleLifetime must be at least 00:02:00 and AbsoluteLifetime positive (d.hh:mm:ss)")
            .ValidateOnStart();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes);

        services.AddRequestLogging();
        services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddAuthorization(AuthPolicies.Add);
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<PasswordHashPool>();
        services.AddAnonymousRateLimit();
        services.AddSingleton<TokenService>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<AccountService>();
        services.AddHostedService<BootstrapSecretariat>();

        services.Configure<JsonOptions>(json => json.SerializerOptions.PropertyNameCaseInsensitive = true);
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        services.AddHubDelivery(builder.Configuration).AddHubOptions<ChatHub>(hub =>
        {
            hub.MaximumReceiveMessageSize = limits.MaxHubMessageBytes;
            hub.AddFilter<HubErrorFilter>();
            hub.AddFilter<SiloFailureRetryFilter>();
            hub.AddFilter<SessionActivityFilter>();
        });
        // The hub keeps its connections where grains deliver to them.
        services.AddSingleton<HubLifetimeManager<ChatHub>, ConnectedMembersLifetimeManager>();
        // Registered after AddSignalR's own JSON protocol, so it takes the "json" name over.
        services.AddSingleton<IHubProtocol, CodedErrorHubProtocol>();
        services.AddSingleton<ConnectionRegistry>();
        services.AddSingleton<ActionRateLimiter>();
        services.AddSingleton<TypingThrottle>();
        services.AddSingleton<PresenceSubscriptions>();
        services.AddSingleton<MemberViews>();
        services.AddHostedService<BackplaneCheck>();
        services.Configure<StampOptions>(builder.Configuration.GetSection("Community:Stamps"));
        services.AddSingleton<StampUrlSigner>();
        builder.AddWebClient();
        builder.AddApiReference();
        return builder;
    }
}
