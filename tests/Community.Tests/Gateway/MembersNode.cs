namespace Community.Tests.Gateway;

/// <summary>
/// The test classes that share one <see cref="MembersNodeFixture"/>: one node for all of them
/// instead of one each. xUnit runs the classes of a collection one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class MembersNode : ICollectionFixture<MembersNodeFixture>
{
    public const string Name = "members node";
}
