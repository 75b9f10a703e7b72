namespace Community.Grains.Common;

/// <summary>The grain storage provider grains keep their private state in: the node's own store.</summary>
public static class GrainStorage
{
    public const string Name = "community";
}
