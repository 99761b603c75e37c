using EjVerkstallda.Worker.Options;
using Microsoft.Extensions.Logging;

namespace EjVerkstallda.Worker.Runs;

/// <summary>
/// Named points in a run where the test suite can make the process wait (and kill it there) to prove that a crash at any
/// step ends in the same state as an undisturbed run. Inert unless <c>Ejv:Testing:PauseAt</c> names the point.
/// </summary>
public sealed class FaultInjection(EjvOptions options, TimeProvider clock, ILogger<FaultInjection> logger)
{
    /// <summary>After the insats catalogue is read, before the candidate query: where a test takes the case system away.</summary>
    public const string MidRead = "mid-read";
    public const string AfterRead = "after-read";
    /// <summary>After the confidential underlag is written, before the workbook and the public report.</summary>
    public const string MidOutputs = "mid-outputs";
    public const string AfterOutputs = "after-outputs";
    public const string BeforeSend = "before-send";
    /// <summary>After the relay (or pickup folder) accepted a message, before it is marked sent.</summary>
    public const string AfterSend = "after-send";
    public const string AfterLedger = "after-ledger";
    public const string AfterApproval = "after-approval";
    /// <summary>In the service's start, after the state store is checked and migrated, before the scheduler starts.</summary>
    public const string ServiceStart = "service-start";

    public async Task PointAsync(string point, CancellationToken ct)
    {
        if (!string.Equals(options.Testing.PauseAt, point, StringComparison.Ordinal)) return;
        FaultLog.Pausing(logger, point, Environment.ProcessId);
        await Task.Delay(options.Testing.PauseFor, clock, ct); // the injected clock: an in-process test moves it instead of waiting
    }
}

internal static partial class FaultLog
{
    [LoggerMessage(EventId = 9000, Level = LogLevel.Warning, Message = "Fault injection: pausing at {Point} in process {ProcessId}")]
    public static partial void Pausing(ILogger logger, string point, int processId);
}
