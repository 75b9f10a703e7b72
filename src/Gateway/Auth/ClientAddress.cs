using System.Net;
using System.Net.Sockets;

namespace Community.Gateway.Auth;

/// <summary>
/// Who is asking, as far as limits go: the client's IP address (the proxy's own unless
/// <c>Community:Proxy</c> says to believe it), IPv6 by its /64, which one subscriber holds whole.
/// </summary>
internal static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
