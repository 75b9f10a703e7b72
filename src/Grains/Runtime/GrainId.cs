namespace Community.Grains.Runtime;

/// <summary>A grain's identity: its interface and its key.</summary>
internal readonly record struct GrainId(Type Interface, string Key)
{
    public override string ToString() => $"{Interface.Name}/{Key}";
}
