namespace Community.Gateway.Auth;

/// <summary>The first secretariat account (<c>Community:Bootstrap</c>).</summary>
public sealed class BootstrapOptions
{
    public string? Handle { get; set; }
    public string? Password { get; set; }
    public string DisplayName { get; set; } = "Secretariat";
}
