namespace Community.Grains.Pins;

/// <summary>How many messages a room may keep pinned: the pins list stays a short list of what matters.</summary>
public static class PinRules
{
    public const int MaxPerRoom = 50;
}
