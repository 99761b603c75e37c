namespace EjVerkstallda.Infrastructure.Mail;

/// <summary>
/// Delivers one e-mail. The only seam between the worker and a mail transport: the SMTP (MailKit)
/// or pickup-folder (MimeKit) implementation is chosen by configuration without touching callers.
/// </summary>
public interface IMailSender
{
    /// <summary>Delivers <paramref name="mail"/> or throws.</summary>
    /// <exception cref="MailTransientException">Delivery may succeed later; retry with the same message id.</exception>
    /// <exception cref="MailPermanentException">Retrying will not help; an administrator must act.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
