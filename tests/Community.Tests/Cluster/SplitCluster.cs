using Community.Silo;
using Community.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Community.Tests.Cluster;

/// <summary>The split shape: a silo node with the grains, and two gateway nodes that are Orleans clients of it.</summary>
public sealed class SplitCluster : ClusterUnderTest
{
    private WebApplication? _silo;

    protected override async Task StartGrainHostsAsync()
    {
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            "--environment=Test",
            "--Serilog:MinimumLevel:Default=Warning",
            "--Community:Storage:Provider=postgres",
            $"--ConnectionStrings:Postgres={ConnectionString}",
        };
        args.AddRange(FreePort.OrleansPortArgs());
        args.AddRange(Settings.Select(s => $"--{s.Key}={s.Value}"));
        _silo = SiloHost.Build(args.ToArray(), builder => builder.Logging.AddProvider(Logs));
        await _silo.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    protected override async Task<(CommunityNode, CommunityNode)> StartGatewaysAsync()
    {
        var client = new Dictionary<string, string?>(Settings) { ["Community:Orleans:Mode"] = "client" };
        var nodes = await Task.WhenAll(StartNodeAsync(client), StartNodeAsync(client));
        return (nodes[0], nodes[1]);
    }

    public override Dictionary<string, string?> ProcessNodeSettings => new(base.ProcessNodeSettings) { ["Community:Orleans:Mode"] = "client" };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_silo is not null)
        {
            await _silo.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
            await _silo.DisposeAsync();
        }
    }
}
