using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Worker.Options;

namespace EjVerkstallda.Worker.Delivery;

/// <summary>
/// Approves a quarter as <c>ejv approve</c> does (the same guard, the same recorded finals). A seam so that the reminder
/// service gets it by constructor injection; the approval itself stays in one place, <see cref="Commands.ApproveCommand"/>.
/// </summary>
public class QuarterApprover(IServiceProvider services)
{
    public virtual async Task ApproveAsync(NamndOptions namnd, Kvartal quarter, string by, CancellationToken ct) =>
        await Commands.ApproveCommand.ApproveAsync(services, namnd, quarter, by, ct);
}
