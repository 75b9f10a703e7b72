namespace Community.Tests.Grains;

/// <summary>
/// The grain test classes, which share one <see cref="GrainCluster"/>: starting two silos costs
/// seconds, and xUnit runs the classes of a collection one after another, so a test that restarts
/// a silo disturbs no other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class GrainClusterCollection : ICollectionFixture<GrainCluster>
{
    public const string Name = "grain cluster";
}
