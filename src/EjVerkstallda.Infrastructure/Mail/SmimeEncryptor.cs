using MimeKit;
using MimeKit.Cryptography;

namespace EjVerkstallda.Infrastructure.Mail;

/// <summary>
/// Encrypts a message body (text and attachments together) with S/MIME to every recipient certificate, so each of them can
/// read it with their own private key and nobody else can. AES-256 (CBC) for the content; the key wrapped per recipient
/// with RSA. Only the headers (from, to, subject, Message-ID) stay readable on the way.
/// </summary>
internal static class SmimeEncryptor
{
    private static readonly EncryptionAlgorithm[] Algorithms = [EncryptionAlgorithm.Aes256];

    public static MimeEntity Encrypt(string messageId, MimeEntity body, IReadOnlyList<string> certificateFiles)
    {
        var recipients = new CmsRecipientCollection();
        foreach (var file in certificateFiles)
        {
            var certificate = SmimeCertificates.Load(file, out var problem) ?? throw Refused(messageId, file, problem!);
            if (SmimeCertificates.Problem(certificate, DateTimeOffset.UtcNow) is { } unusable) throw Refused(messageId, file, unusable);
            recipients.Add(new CmsRecipient(certificate) { EncryptionAlgorithms = Algorithms });
        }
        using var context = new TemporarySecureMimeContext();
        return ApplicationPkcs7Mime.Encrypt(context, recipients, body);
    }

    private static MailPermanentException Refused(string messageId, string file, string problem) =>
        new(messageId, $"Mail {messageId} cannot be encrypted: the certificate {file} {problem}; replace the file, then ejv mail retry");
}
