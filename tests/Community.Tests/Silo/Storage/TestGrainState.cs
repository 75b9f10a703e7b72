namespace Community.Tests.Silo.Storage;

/// <summary>A grain state as any serialiser takes it: settable properties, a list, text in any script.</summary>
public sealed class TestGrainState
{
    public int Count { get; set; }

    public string Text { get; set; } = "";

    public List<string> Tags { get; set; } = [];
}
