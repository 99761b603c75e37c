using EjVerkstallda.Infrastructure.Mail;

namespace EjVerkstallda.Infrastructure.Tests.Mail;

/// <summary>Counts calls to the sender it wraps.</summary>
internal sealed class CountingMailSender(IMailSender inner) : IMailSender
{
    private int attempts;

    public int Attempts => Volatile.Read(ref attempts);

    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref attempts);
        return inner.SendAsync(mail, cancellationToken);
    }
}
