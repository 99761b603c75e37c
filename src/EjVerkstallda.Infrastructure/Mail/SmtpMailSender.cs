using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Logging;

namespace EjVerkstallda.Infrastructure.Mail;

/// <summary>
/// Sends through an SMTP relay with System.Net.Mail: STARTTLS (mandatory unless Security=None),
/// AUTH when a user is configured, UTF-8 headers and body, one connection per mail.
/// </summary>
public sealed class SmtpMailSender : IMailSender
{
    private readonly SmtpOptions options;
    private readonly ILogger<SmtpMailSender> logger;
    private readonly string? pin;

    public SmtpMailSender(SmtpOptions options, ILogger<SmtpMailSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        this.options = options;
        this.logger = logger;
        pin = CertificatePins.Normalize(options.TrustedCertificateThumbprint);
    }

    private string Relay => $"{options.Host}:{options.Port}";

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        RefuseCredentialsWithoutTls(mail.MessageId);
        using MailMessage message = MailMessageFactory.Create(mail);
        using SmtpClient client = CreateClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        CertificatePins.PinScope? scope = pin is null ? null : CertificatePins.Enter(pin);
        try
        {
            await client.SendMailAsync(message, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
        {
            // .NET 10 reports a cancelled send as SmtpException("The operation has timed out.").
            throw new OperationCanceledException($"Sending mail {mail.MessageId} was cancelled.", e, cancellationToken);
        }
        catch (Exception e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new MailTransientException(mail.MessageId, $"Mail {mail.MessageId}: relay {Relay} did not finish within {options.Timeout}. Retry later.", new TimeoutException(e.Message, e));
        }
        catch (Exception e) when (SmtpFailureClassifier.Classify(e, mail.MessageId, Relay, mail.To.Count) is { } mapped)
        {
            throw mapped;
        }
        finally
        {
            if (scope is not null)
                CertificatePins.Exit();
        }
        if (scope is { Used: true })
            Log.PinnedCertificateAccepted(logger, mail.MessageId);
        Log.MailSent(logger, mail.MessageId, mail.To.Count, mail.Attachments.Count);
    }

    private void RefuseCredentialsWithoutTls(string messageId)
    {
        if (!options.HasCredentials || options.Security == SmtpSecurity.StartTls)
            return;
        if (!options.AllowInsecureRelay)
            throw new MailPermanentException(messageId, $"Mail {messageId}: {SmtpOptions.SectionName}: refusing to send credentials without TLS; set Security=StartTls or AllowInsecureRelay=true.");
        Log.CredentialsWithoutTls(logger, messageId);
    }

    private SmtpClient CreateClient()
    {
        var client = new SmtpClient(options.Host, options.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = options.Security == SmtpSecurity.StartTls,
            // The linked token below enforces Options.Timeout. SmtpClient's own timeout would surface as an
            // SmtpException without an inner exception, indistinguishable from other failures, so it is off.
            Timeout = int.MaxValue,
            UseDefaultCredentials = false,
        };
        if (options.HasCredentials)
            client.Credentials = new NetworkCredential(options.UserName, options.Password);
        return client;
    }
}
