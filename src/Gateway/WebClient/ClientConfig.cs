using System.Text.RegularExpressions;
using Community.Grains.Opportunities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Community.Gateway.WebClient;

/// <summary>
/// What the web client reads before sign-in: the network's name and accent colour, and whether members may post
/// opportunities (<c>Community:Opportunities:MembersMayPost</c>).
/// </summary>
internal static partial class ClientConfig
{
    public sealed record View(string NetworkName, string? AccentColor, bool MembersPostOpportunities);

    public static Ok<View> Get(IOptions<NetworkOptions> options, IConfiguration configuration, HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-cache";
        var network = options.Value;
        var accent = HexColour().IsMatch(network.AccentColor) ? network.AccentColor : null;
        var membersPost = configuration.GetSection(OpportunityOptions.Section).GetValue<bool>(nameof(OpportunityOptions.MembersMayPost));
        return TypedResults.Ok(new View(string.IsNullOrWhiteSpace(network.Name) ? "Community" : network.Name.Trim(), accent, membersPost));
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColour();
}
