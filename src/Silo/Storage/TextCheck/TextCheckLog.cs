using Microsoft.Extensions.Logging;

namespace Community.Silo.Storage.TextCheck;

internal static partial class TextCheckLog
{
    [LoggerMessage(EventId = 210, Level = LogLevel.Warning,
        Message = "Stored text breaks its rule: {Table} row {Row}, column {Column}: {Problem}; the rule: {Rule}. Left as it is: correct it by hand")]
    public static partial void Finding(ILogger logger, string table, string row, string column, string problem, string rule);

    [LoggerMessage(EventId = 211, Level = LogLevel.Warning, Message = "Stored text breaks its rule in {More} more rows of {Table}, column {Column}, not listed")]
    public static partial void MoreFindings(ILogger logger, string table, string column, long more);

    [LoggerMessage(EventId = 212, Level = LogLevel.Information,
        Message = "Checked stored text against the text rules (version {Version}): {Findings} finding(s) in {Rows} values read")]
    public static partial void Checked(ILogger logger, int version, long findings, long rows);

    [LoggerMessage(EventId = 214, Level = LogLevel.Information,
        Message = "Stored text was checked against the text rules (version {Version}) at an earlier start: not read again")]
    public static partial void CheckedBefore(ILogger logger, int version);

    [LoggerMessage(EventId = 213, Level = LogLevel.Error, Message = "The check of stored text against the text rules failed; it runs again at the next start")]
    public static partial void Failed(ILogger logger, Exception exception);
}
