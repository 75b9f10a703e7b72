namespace Community.Gateway.WebClient;

/// <summary>How the web client presents this network: its name and the company's accent colour.</summary>
internal sealed class NetworkOptions
{
    public string Name { get; set; } = "Community";

    /// <summary>A CSS colour in <c>#rrggbb</c> form; anything else falls back to the client's own.</summary>
    public string AccentColor { get; set; } = "";
}
