namespace Community.Gateway.Proxy;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> the gateway believes
/// (<c>Community:Proxy</c>). None by default: a client could otherwise claim any address and slip
/// past the per-address limits.
/// </summary>
public sealed class ProxyOptions
{
    /// <summary>The proxies' own addresses, e.g. <c>127.0.0.1</c> for nginx on the same host.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in (CIDR), e.g. <c>172.16.0.0/12</c> for Docker's.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many known proxies stand in a row in front of the nodes (a TLS terminator before nginx: 2).</summary>
    public int ForwardLimit { get; set; } = 1;
}
