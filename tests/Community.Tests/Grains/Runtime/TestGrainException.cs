namespace Community.Tests.Grains.Runtime;

public sealed class TestGrainException(string message) : Exception(message);
