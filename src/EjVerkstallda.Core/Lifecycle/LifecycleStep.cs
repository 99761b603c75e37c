namespace EjVerkstallda.Core.Lifecycle;

/// <summary>Why a role receives the statistikrapport (or the revisorer their per-case reports).</summary>
public enum Purpose
{
    /// <summary>Approved: to the nämnd (registrator) for its agenda.</summary>
    ForNamnd,

    /// <summary>Decided: with the decision's date and paragraph, to kommunfullmäktige and the revisorer.</summary>
    Decided,

    /// <summary>A correction ("Rättelse"): to a role that had an earlier version.</summary>
    Rattelse,

    /// <summary>The revisorer's per-case reports (confidential, through their protected channel).</summary>
    PerCase,
}

public sealed record Send(Role To, Purpose Purpose);

/// <summary>
/// The outcome of one action on a quarter's lifecycle: refused (with a line that says what to do), nothing to do (the same
/// action repeated: nothing is written or sent), or a change with the audit event and what is to be sent.
/// </summary>
public sealed record LifecycleStep
{
    /// <summary>Why the action is refused, and what to do instead; null when it is allowed.</summary>
    public string? Refusal { get; init; }
    public bool IsRefused => Refusal is not null;

    /// <summary>False when nothing changes (refused, or repeated): nothing is written, nothing is sent.</summary>
    public bool Changed { get; init; }

    public required QuarterLifecycle After { get; init; }

    /// <summary>The audit event's name (<see cref="AuditWhat"/>); null when nothing changed.</summary>
    public string? What { get; init; }
    public int? FromVersion { get; init; }
    public int? ToVersion { get; init; }

    /// <summary>The version the recipients had before this one, when this one is a correction of it.</summary>
    public int? Replaces { get; init; }
    public IReadOnlyList<Send> Sends { get; init; } = [];

    /// <summary>One line for the person who acted (English, like the command line's other lines).</summary>
    public string Summary { get; init; } = "";

    public static LifecycleStep Refuse(QuarterLifecycle lc, string reason) => new() { After = lc, Refusal = reason, Summary = reason };

    public static LifecycleStep Nothing(QuarterLifecycle lc, int? version, string summary) =>
        new() { After = lc, ToVersion = version, Summary = summary };
}

/// <summary>The names of the audit events (<c>ejv_audit.what</c>).</summary>
public static class AuditWhat
{
    public const string Version = "run.version";
    public const string Correction = "run.correction";
    public const string Approve = "approve";
    public const string Decision = "decision";
    public const string IvoEntered = "ivo.entered";
    public const string RevisorerNotDelivered = "revisorer.not_delivered";
}
