namespace Community.Gateway.Stamps;

/// <summary>The <c>Community:Stamps</c> settings.</summary>
public sealed class StampOptions
{
    /// <summary>A secret shared by every node of a network, from which stamp image URLs are signed.</summary>
    public string UrlKey { get; set; } = "";
}
