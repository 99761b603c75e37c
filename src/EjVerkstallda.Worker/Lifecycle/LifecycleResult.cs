using EjVerkstallda.Core.Lifecycle;

namespace EjVerkstallda.Worker.Lifecycle;

/// <summary>
/// What an approval or a decision did. <see cref="Refused"/> set: nothing changed, and the line says what to do.
/// <see cref="Changed"/> false without a refusal: the same step was already taken; nothing was written or sent again.
/// </summary>
public sealed record LifecycleResult(string Namnd, string Quarter, int? Version, bool Changed, string Summary)
{
    public string? Refused { get; init; }

    /// <summary>The roles the step recorded messages for, e.g. <c>namnd</c>, <c>fullmaktige (rattelse)</c>.</summary>
    public IReadOnlyList<string> Sent { get; init; } = [];

    /// <summary>Set when the revisorer's per-case reports could not be delivered: <c>inte levererat (none)</c>.</summary>
    public string? RevisorerNotDelivered { get; init; }

    public static LifecycleResult Of(LifecycleStep step, string namnd, string quarter) =>
        new(namnd, quarter, step.ToVersion, step.Changed, step.Summary) { Refused = step.Refusal };

    public static LifecycleResult Refuse(string namnd, string quarter, int? version, string reason) =>
        new(namnd, quarter, version, false, reason) { Refused = reason };
}
