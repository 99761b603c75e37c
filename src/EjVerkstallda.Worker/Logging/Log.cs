using Microsoft.Extensions.Logging;

namespace EjVerkstallda.Worker.Logging;

/// <summary>Every log line of the worker: ids and counts only, never personal data or case-system text.</summary>
public static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Run started: nämnd {Namnd}, quarter {Quarter}, dry run {DryRun}")]
    public static partial void RunStarted(ILogger logger, string namnd, string quarter, bool dryRun);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Run succeeded: nämnd {Namnd}, quarter {Quarter}, {Reports} IVO reports, {Problems} data-quality problems, {ElapsedMs} ms")]
    public static partial void RunSucceeded(ILogger logger, string namnd, string quarter, int reports, int problems, long elapsedMs);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Run failed: nämnd {Namnd}, quarter {Quarter}: {ExceptionType}")]
    public static partial void RunFailed(ILogger logger, string namnd, string quarter, string exceptionType, Exception exception);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Run failed: nämnd {Namnd}, quarter {Quarter}: {Reason}")]
    public static partial void RunFailedOperational(ILogger logger, string namnd, string quarter, string reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Critical, Message = "Run failure of nämnd {Namnd}, quarter {Quarter} could not be recorded in the state store: {Reason}")]
    public static partial void RunFailureNotRecorded(ILogger logger, string namnd, string quarter, string reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Public statistikrapport of nämnd {Namnd}, quarter {Quarter} stopped by the anonymity guard: {Findings}")]
    public static partial void PublicBlocked(ILogger logger, string namnd, string quarter, string findings);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Run phases: nämnd {Namnd}, quarter {Quarter}: read {ReadMs} ms ({Rows} rows), judge {JudgeMs} ms, identifiers {IdsMs} ms, outputs {OutputsMs} ms, ledger {LedgerMs} ms")]
    public static partial void RunPhases(ILogger logger, string namnd, string quarter, long readMs, int rows, long judgeMs, long idsMs, long outputsMs, long ledgerMs);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "State store migrated: {Applied} script(s) applied")]
    public static partial void Migrated(ILogger logger, int applied);
}
