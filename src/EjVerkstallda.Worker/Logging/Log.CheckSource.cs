using Microsoft.Extensions.Logging;

namespace EjVerkstallda.Worker.Logging;

public static partial class Log
{
    [LoggerMessage(EventId = 3400, Level = LogLevel.Information, Message = "Case source checked ({Provider}): {Rows} rows, {Faults} fault(s), {Warnings} warning(s)")]
    public static partial void SourceChecked(ILogger logger, string provider, long rows, int faults, int warnings);
}
