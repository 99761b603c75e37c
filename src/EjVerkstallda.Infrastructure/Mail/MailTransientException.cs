namespace EjVerkstallda.Infrastructure.Mail;

/// <summary>
/// Delivery failed for a reason that usually passes: an SMTP 4xx reply, connection refused,
/// a socket or I/O error, a timeout.
/// </summary>
/// <remarks>
/// What to do next: keep the mail in the outbox and send it again later with the same
/// <see cref="OutgoingMail.MessageId"/> (the <see cref="MailResilience"/> pipeline does this a few
/// times). If it still fails after the retries, leave it queued for the next run and report the
/// failure in the status log. The message never contains the password or the mail body.
/// </remarks>
public sealed class MailTransientException : Exception
{
    public MailTransientException(string messageId, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        MessageId = messageId;
    }

    /// <summary>The <see cref="OutgoingMail.MessageId"/> of the mail that was not delivered.</summary>
    public string MessageId { get; }
}
