namespace Community.Gateway.Errors;

internal static class ErrorMessages
{
    /// <summary>For a write that kept losing to writes on other nodes: nothing was stored, and trying again is safe.</summary>
    public const string Busy = "the room is busy with writes from other nodes; nothing was stored, try again";
}
