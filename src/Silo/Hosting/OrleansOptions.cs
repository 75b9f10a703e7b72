using System.Net;
using Microsoft.Extensions.Configuration;

namespace Community.Silo.Hosting;

/// <summary>How this node takes part in the Orleans cluster (<c>Community:Orleans</c> configuration).</summary>
public sealed class OrleansOptions
{
    public const string Section = "Community:Orleans";

    /// <summary><c>cohosted</c> (the default): the gateway runs a silo; <c>client</c>: it calls silos running elsewhere.</summary>
    public string Mode { get; set; } = "cohosted";

    /// <summary>The cluster's name: nodes with the same one form one cluster.</summary>
    public string ClusterId { get; set; } = "community";

    /// <summary>The network's name, stable across deployments: grain state and reminders are kept under it.</summary>
    public string ServiceId { get; set; } = "community";

    /// <summary>The port silos talk to each other on.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port Orleans clients (gateway nodes in client mode) call this silo on.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other nodes reach this one at; the machine's own when unset (loopback for a single node).</summary>
    public string? AdvertisedAddress { get; set; }

    public static OrleansOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<OrleansOptions>() ?? new OrleansOptions();
        if (!options.IsClient && !string.Equals(options.Mode, "cohosted", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{Section}:Mode is '{options.Mode}'; it must be 'cohosted' (the default) or 'client'.");
        return options;
    }

    /// <summary>Names the cluster and the service, for a silo and a client alike.</summary>
    public void ApplyTo(Orleans.Configuration.ClusterOptions cluster)
    {
        cluster.ClusterId = ClusterId;
        cluster.ServiceId = ServiceId;
    }

    public bool IsClient => string.Equals(Mode, "client", StringComparison.OrdinalIgnoreCase);

    public IPAddress? Advertised() =>
        string.IsNullOrWhiteSpace(AdvertisedAddress) ? null
        : IPAddress.TryParse(AdvertisedAddress, out var address) ? address
        : throw new InvalidOperationException($"{Section}:AdvertisedAddress '{AdvertisedAddress}' is not an IP address.");
}
