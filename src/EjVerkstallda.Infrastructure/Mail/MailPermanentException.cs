namespace EjVerkstallda.Infrastructure.Mail;

/// <summary>
/// Delivery failed for a reason that retrying will not fix: an SMTP 5xx reply, failed
/// authentication, TLS refused or an untrusted server certificate, an invalid address, or an
/// unsafe configuration (credentials without TLS).
/// </summary>
/// <remarks>
/// What to do next: do not retry. Mark the mail as failed in the outbox, record the message in the
/// status log and tell the administrator, who must fix the configuration (credentials, TLS, the
/// relay's certificate or the recipient list) and then requeue the mail. The message never
/// contains the password or the mail body.
/// </remarks>
public sealed class MailPermanentException : Exception
{
    public MailPermanentException(string messageId, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        MessageId = messageId;
    }

    /// <summary>The <see cref="OutgoingMail.MessageId"/> of the mail that was not delivered.</summary>
    public string MessageId { get; }
}
