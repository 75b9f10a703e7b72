using System.Security.Cryptography;
using Community.Grains.Common;
using Community.Grains.Stamps;
using Community.Grains.Storage;
using Microsoft.Extensions.Hosting;

namespace Community.Silo.Stamps;

/// <summary>Installs the stamp pack that ships with the server, the first time it starts.</summary>
internal sealed class DefaultStampPack(IStampStore stamps, TimeProvider time) : IHostedService
{
    public const string PackId = "default";

    /// <summary>Greetings a Japanese alumni network uses every day: file name and label.</summary>
    private static readonly (string Name, string Label)[] Greetings =
    [
        ("arigatou", "ありがとう"),
        ("otsukaresama", "おつかれさま"),
        ("yoroshiku", "よろしく"),
        ("ryoukai", "了解"),
        ("omedetou", "おめでとう"),
        ("hisashiburi", "久しぶり"),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var pack = Greetings.Select(g =>
        {
            var bytes = Read($"{g.Name}.svg");
            return new NewStamp($"{PackId}.{g.Name}", g.Label,
                new StampImage("image/svg+xml", bytes, Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]));
        }).ToArray();
        await stamps.AddPackAsync(PackId, "あいさつ Greetings", pack, time.Now());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static byte[] Read(string file)
    {
        using var stream = typeof(DefaultStampPack).Assembly.GetManifestResourceStream($"Community.Silo.Stamps.Default.{file}")
            ?? throw new InvalidOperationException($"The default stamp {file} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
