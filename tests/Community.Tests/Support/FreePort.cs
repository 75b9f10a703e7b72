using System.Net;
using System.Net.Sockets;

namespace Community.Tests.Support;

/// <summary>A loopback port nobody listens on now, for a server a test starts.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Settings that give a node's silo ports of its own, so nodes of one test run do not collide.</summary>
    public static IEnumerable<string> OrleansPortArgs() =>
        [$"--Community:Orleans:SiloPort={Next()}", $"--Community:Orleans:GatewayPort={Next()}"];
}
