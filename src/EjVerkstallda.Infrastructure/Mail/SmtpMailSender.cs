using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace EjVerkstallda.Infrastructure.Mail;

/// <summary>
/// Sends through an SMTP relay with MailKit: STARTTLS required (or implicit TLS, or none when configured), AUTH with a
/// password or XOAUTH2, the relay certificate checked per connection (with an optional pin), one connection per mail.
/// </summary>
public sealed class SmtpMailSender : IMailSender
{
    private readonly SmtpOptions options;
    private readonly ILogger<SmtpMailSender> logger;
    private readonly IAccessTokenSource? tokens;

    /// <param name="tokens">The access tokens for <see cref="SmtpAuth.OAuth2"/>; required then, unused otherwise.</param>
    public SmtpMailSender(SmtpOptions options, ILogger<SmtpMailSender> logger, IAccessTokenSource? tokens = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        if (options.Auth == SmtpAuth.OAuth2 && tokens is null)
            throw new ArgumentException("Auth=OAuth2 needs an access token source.", nameof(tokens));
        this.options = options;
        this.logger = logger;
        this.tokens = tokens;
    }

    private string Relay => $"{options.Host}:{options.Port}";

    private SecureSocketOptions SocketOptions => options.Security switch
    {
        SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        RefuseCredentialsWithoutTls(mail.MessageId);
        using MimeMessage message = MimeMessageFactory.Create(mail);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        var pin = CertificatePin.For(options.TrustedCertificateThumbprint);
        using var client = CreateClient(pin);
        try
        {
            await DeliverAsync(client, message, mail.MessageId, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested)
        {
            throw e as OperationCanceledException ?? new OperationCanceledException($"Sending mail {mail.MessageId} was cancelled.", e, cancellationToken);
        }
        catch (Exception e) when (timeout.IsCancellationRequested)
        {
            throw new MailTransientException(mail.MessageId, $"Mail {mail.MessageId}: relay {Relay} did not finish within {options.Timeout}. Retry later.", new TimeoutException(e.Message, e));
        }
        catch (Exception e) when (SmtpFailureClassifier.Classify(e, mail.MessageId, Relay) is { } mapped)
        {
            throw mapped;
        }
        if (pin is { Used: true })
            Log.PinnedCertificateAccepted(logger, mail.MessageId);
        Log.MailSent(logger, mail.MessageId, mail.To.Count, mail.Attachments.Count);
    }

    /// <summary>A client for one delivery: its own certificate check (never a process-wide callback), revocation and timeout.</summary>
    internal SmtpClient CreateClient(CertificatePin? pin) => new()
    {
        ServerCertificateValidationCallback = pin is null ? StrictValidation : pin.Validate,
        CheckCertificateRevocation = options.CheckRevocation,
        Timeout = (int)Math.Min(int.MaxValue, options.Timeout.TotalMilliseconds),
    };

    private static bool StrictValidation(object sender, System.Security.Cryptography.X509Certificates.X509Certificate? certificate,
        System.Security.Cryptography.X509Certificates.X509Chain? chain, System.Net.Security.SslPolicyErrors errors) =>
        errors == System.Net.Security.SslPolicyErrors.None;

    private async Task DeliverAsync(SmtpClient client, MimeMessage message, string messageId, CancellationToken ct)
    {
        await client.ConnectAsync(options.Host, options.Port, SocketOptions, ct).ConfigureAwait(false);
        await AuthenticateAsync(client, ct).ConfigureAwait(false);
        await client.SendAsync(message, ct).ConfigureAwait(false);
        try
        {
            await client.DisconnectAsync(quit: true, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException or OperationCanceledException)
        {
            // The relay has accepted the mail; a failed QUIT must not make the outbox send it again.
            Log.QuitFailed(logger, messageId, e.GetType().Name);
        }
    }

    private async Task AuthenticateAsync(SmtpClient client, CancellationToken ct)
    {
        if (options.Auth == SmtpAuth.OAuth2)
        {
            string token = await tokens!.GetAccessTokenAsync(ct).ConfigureAwait(false);
            await client.AuthenticateAsync(new SaslMechanismOAuth2(options.UserName!, token), ct).ConfigureAwait(false);
        }
        else if (options.HasCredentials)
        {
            client.AuthenticationMechanisms.Remove("XOAUTH2");
            client.AuthenticationMechanisms.Remove("OAUTHBEARER");
            await client.AuthenticateAsync(new NetworkCredential(options.UserName, options.Password), ct).ConfigureAwait(false);
        }
    }

    private void RefuseCredentialsWithoutTls(string messageId)
    {
        if (!options.HasCredentials || options.Security != SmtpSecurity.None)
            return;
        if (!options.AllowInsecureRelay)
            throw new MailPermanentException(messageId, $"Mail {messageId}: {SmtpOptions.SectionName}: refusing to send credentials without TLS; set Security=StartTls or AllowInsecureRelay=true.");
        Log.CredentialsWithoutTls(logger, messageId);
    }
}
