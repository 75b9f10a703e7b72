using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Community.Gateway.Proxy;

internal static class ProxyExtensions
{
    /// <summary>
    /// Takes the client's address and scheme from the proxy's <c>X-Forwarded-*</c> headers, when the
    /// request comes from a proxy named in <c>Community:Proxy</c>; without one, the headers are ignored.
    /// </summary>
    public static WebApplication UseKnownProxies(this WebApplication app)
    {
        var proxies = app.Configuration.GetSection("Community:Proxy").Get<ProxyOptions>() ?? new ProxyOptions();
        if (proxies.KnownProxies.Length == 0 && proxies.KnownNetworks.Length == 0) return app;
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = Math.Max(1, proxies.ForwardLimit),
        };
        // Only those configured: not the loopback proxy ASP.NET Core trusts by default.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies.KnownProxies)
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                : throw new InvalidOperationException($"Community:Proxy:KnownProxies: '{proxy}' is not an IP address."));
        foreach (var network in proxies.KnownNetworks)
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                : throw new InvalidOperationException($"Community:Proxy:KnownNetworks: '{network}' is not a network such as 10.0.0.0/8."));
        app.UseForwardedHeaders(options);
        return app;
    }
}
