namespace EjVerkstallda.Worker.Options;

/// <summary>
/// <c>Ejv:Testing</c>: for the test suite and for rehearsals, never needed in production (all empty by default).
/// </summary>
public sealed class TestingOptions
{
    /// <summary>The service and commands believe it is this moment when they start; time runs on from there (rehearse a quarter end).</summary>
    public DateTimeOffset? ClockStart { get; set; }

    /// <summary>Fault injection: the step of a run to pause at (<c>after-read</c>, <c>after-outputs</c>, <c>before-send</c>), so a test can kill the process there.</summary>
    public string? PauseAt { get; set; }

    public TimeSpan PauseFor { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>A clock that starts at a chosen moment and runs at normal speed.</summary>
public sealed class ShiftedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _offset = start - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}
