namespace Community.Tests.Support;

/// <summary>A signed-up member with a live token, and a REST client that uses it.</summary>
public sealed record TestMember(string Id, string Handle, string Token, HttpClient Http);
