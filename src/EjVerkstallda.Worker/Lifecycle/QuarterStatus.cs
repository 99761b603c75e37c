using EjVerkstallda.Core.Lifecycle;
using EjVerkstallda.Infrastructure.State;

namespace EjVerkstallda.Worker.Lifecycle;

/// <summary>
/// A quarter's lifecycle as the status, the web and the evidence pack show it: the current version and its state, and every
/// version with who approved and decided it when, and what was sent to whom.
/// </summary>
public sealed record QuarterStatus(string Quarter, int Version, string State, bool AwaitsApproval, IReadOnlyList<VersionStatus> Versions)
{
    /// <summary>The revisorer's per-case reports of the current version: <c>recorded (smime)</c>, <c>inte levererat (none)</c>, or <c>-</c> before approval.</summary>
    public string Revisorer { get; init; } = "-";
}

public sealed record VersionStatus(
    int Version,
    string State,
    string CreatedAt,
    Actor? ApprovedBy,
    string? ApprovedAt,
    string? DecisionDate,
    string? DecisionParagraph,
    Actor? DecidedBy,
    string? DecidedAt,
    string? SupersededAt,
    IReadOnlyList<SentStatus> Sent)
{
    public static VersionStatus Of(QuarterVersion v, IReadOnlyList<SentStatus> sent) => new(
        v.Version, v.State.ToCode(), StateDb.Format(v.CreatedAt), v.Approval?.By, v.Approval is { } a ? StateDb.Format(a.At) : null,
        StateDb.Day(v.Decision?.Date), v.Decision?.Paragraph, v.Decision?.By, v.Decision is { } d ? StateDb.Format(d.At) : null,
        v.SupersededAt is { } s ? StateDb.Format(s) : null, sent);
}

/// <summary>
/// One thing sent for a version: to which role, why (<c>namnd</c>, <c>beslut</c>, <c>rattelse</c>, <c>per_case</c>, <c>legacy</c>),
/// the message and its outbox state (<c>pending</c>, <c>sent</c>, <c>failed</c>), or <c>inte levererat</c> when the channel gave nothing.
/// </summary>
public sealed record SentStatus(string Role, string Purpose, string? MessageId, string Channel, string State, string? SentAt)
{
    public static SentStatus Of(VersionDelivery d) =>
        new(d.Role, d.Purpose, d.MessageId, d.Channel, d.MessageId is null ? $"inte levererat ({d.Channel})" : d.Status ?? "recorded", d.SentAt);
}
