using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Infrastructure.Outbox;
using EjVerkstallda.Infrastructure.Output;
using EjVerkstallda.Worker.Options;

namespace EjVerkstallda.Worker.Delivery;

/// <summary>
/// The protected channel that carries a version's per-case reports to the revisorer (CONTRACT section 4:
/// <c>Ejv:Namnder:N:Revisorer:Delivery</c> = <c>smime</c>, <c>folder</c> or <c>none</c>). The lifecycle asks it when a version
/// is approved; what it returns is recorded in the approval's transaction and delivered by the outbox, so nothing is lost or
/// delivered twice.
/// </summary>
public interface IRevisorChannel
{
    /// <summary><c>smime</c>, <c>folder</c> or <c>none</c>, as configured for the nämnd.</summary>
    string DeliveryOf(NamndOptions namnd);

    /// <summary>The outbox messages that deliver the version's per-case reports; empty for <c>none</c> (recorded and shown as not delivered).</summary>
    IReadOnlyList<OutboxMessage> PerCaseReports(NamndOptions namnd, Kvartal quarter, int version, IvoUnderlag underlag, bool rattelse);
}

/// <summary>The default until a channel is configured: nothing is delivered, and the lifecycle records that.</summary>
public sealed class NoRevisorChannel : IRevisorChannel
{
    public string DeliveryOf(NamndOptions namnd) => "none";

    public IReadOnlyList<OutboxMessage> PerCaseReports(NamndOptions namnd, Kvartal quarter, int version, IvoUnderlag underlag, bool rattelse) => [];
}
