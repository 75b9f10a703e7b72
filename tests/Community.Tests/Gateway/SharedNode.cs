namespace Community.Tests.Gateway;

/// <summary>
/// The test classes that share one plain <see cref="SharedNodeFixture"/>: one node for all of
/// them instead of one each. xUnit runs the classes of a collection one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedNode : ICollectionFixture<SharedNodeFixture>
{
    public const string Name = "shared node";
}
