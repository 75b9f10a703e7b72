namespace Community.Gateway.Logging;

internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 401, Level = LogLevel.Information, Message = "Created the bootstrap secretariat account {Handle}")]
    public static partial void BootstrapCreated(ILogger logger, string handle);

    [LoggerMessage(EventId = 402, Level = LogLevel.Warning, Message = "No bootstrap secretariat is configured (Community:Bootstrap:Handle / Password)")]
    public static partial void BootstrapMissing(ILogger logger);

    [LoggerMessage(EventId = 403, Level = LogLevel.Information, Message = "Member {MemberId} connected ({ConnectionId})")]
    public static partial void Connected(ILogger logger, string memberId, string connectionId);

    [LoggerMessage(EventId = 404, Level = LogLevel.Information, Message = "Member {MemberId} disconnected ({ConnectionId})")]
    public static partial void Disconnected(ILogger logger, string memberId, string connectionId);

    [LoggerMessage(EventId = 406, Level = LogLevel.Error, Message = "Hub method {Method} failed")]
    public static partial void HubMethodFailed(ILogger logger, string method, Exception exception);




    [LoggerMessage(EventId = 409, Level = LogLevel.Critical, Message = "This node is one of {Nodes} in its cluster but has no Redis backplane (ConnectionStrings:Redis): members connected to other nodes will miss events raised here. Configure the same Redis on every node.")]
    public static partial void ClusterWithoutBackplane(ILogger logger, int nodes);

    [LoggerMessage(EventId = 410, Level = LogLevel.Warning, Message = "Hub method {Method} found its silo gone ({Failure}); trying again (attempt {Attempt})")]
    public static partial void RetryingAfterSiloFailure(ILogger logger, string method, int attempt, string failure);
}
