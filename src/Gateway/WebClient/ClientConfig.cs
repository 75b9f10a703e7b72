using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Community.Gateway.WebClient;

/// <summary>What the web client reads before sign-in: the network's name and accent colour.</summary>
internal static partial class ClientConfig
{
    public sealed record View(string NetworkName, string? AccentColor);

    public static Ok<View> Get(IOptions<NetworkOptions> options, HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-cache";
        var network = options.Value;
        var accent = HexColour().IsMatch(network.AccentColor) ? network.AccentColor : null;
        return TypedResults.Ok(new View(string.IsNullOrWhiteSpace(network.Name) ? "Community" : network.Name.Trim(), accent));
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColour();
}
