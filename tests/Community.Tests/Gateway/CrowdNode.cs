namespace Community.Tests.Gateway;

/// <summary>The test classes that share one <see cref="CrowdNodeFixture"/>, run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class CrowdNode : ICollectionFixture<CrowdNodeFixture>
{
    public const string Name = "crowd node";
}
