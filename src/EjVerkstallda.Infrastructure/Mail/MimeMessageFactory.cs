using System.Text.RegularExpressions;
using MimeKit;

namespace EjVerkstallda.Infrastructure.Mail;

/// <summary>
/// Turns an <see cref="OutgoingMail"/> into a <see cref="MimeMessage"/>: UTF-8 subject (RFC 2047), base64 UTF-8 body,
/// base64 attachments whose UTF-8 names are written both as RFC 2231 <c>filename*</c> and as an RFC 2047 <c>name</c>
/// for older clients. Anything that cannot be built is a <see cref="MailPermanentException"/>: retrying cannot help.
/// </summary>
internal static partial class MimeMessageFactory
{
    public static void ValidateMessageId(string messageId)
    {
        if (!MessageIdPattern().IsMatch(messageId))
            throw new ArgumentException("MessageId must be 1-128 characters of letters, digits, '.', '-' or '_', starting with a letter or digit.", nameof(messageId));
    }

    public static MimeMessage Create(OutgoingMail mail)
    {
        ValidateMessageId(mail.MessageId);
        if (mail.To.Count == 0)
            throw new MailPermanentException(mail.MessageId, $"Mail {mail.MessageId} has no recipients; add at least one address.");
        RefuseControlCharacters(mail.MessageId, mail.Subject, "the subject");
        var message = new MimeMessage { MessageId = $"{mail.MessageId}@ejverkstallda", Subject = mail.Subject };
        message.From.Add(ParseAddress(mail, mail.From, "the sender"));
        for (int i = 0; i < mail.To.Count; i++)
            message.To.Add(ParseAddress(mail, mail.To[i], $"recipient #{i + 1}"));
        message.Body = mail.EncryptTo.Count == 0 ? Body(mail) : Encrypted(mail);
        return message;
    }

    /// <summary>The plain body exists only in memory, only until it is encrypted: the sender and the pickup file see the envelope.</summary>
    private static MimeEntity Encrypted(OutgoingMail mail)
    {
        using var plain = Body(mail);
        return SmimeEncryptor.Encrypt(mail.MessageId, plain, mail.EncryptTo);
    }

    private static MimeEntity Body(OutgoingMail mail)
    {
        var text = new TextPart("plain") { ContentTransferEncoding = ContentEncoding.Base64 };
        text.SetText("utf-8", mail.Body);
        if (mail.Attachments.Count == 0)
            return text;
        var mixed = new Multipart("mixed") { text };
        for (int i = 0; i < mail.Attachments.Count; i++)
            mixed.Add(CreateAttachment(mail, i));
        return mixed;
    }

    private static MailboxAddress ParseAddress(OutgoingMail mail, string address, string role)
    {
        if (MailboxAddress.TryParse(ParserOptions.Default, address, out var parsed) && parsed.Address.Contains('@', StringComparison.Ordinal))
            return parsed;
        throw new MailPermanentException(mail.MessageId, $"Mail {mail.MessageId}: {role} is not a valid e-mail address; correct it in the configuration.");
    }

    private static MimePart CreateAttachment(OutgoingMail mail, int index)
    {
        MailAttachment source = mail.Attachments[index];
        RefuseControlCharacters(mail.MessageId, source.FileName, $"attachment #{index + 1}'s file name");
        if (!ContentType.TryParse(source.ContentType, out var contentType))
            throw new MailPermanentException(mail.MessageId, $"Mail {mail.MessageId}: attachment #{index + 1} has an invalid content type.");
        var part = new MimePart(contentType)
        {
            Content = new MimeContent(new MemoryStream(source.Content, writable: false)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = source.FileName,
        };
        // RFC 2231 (filename*) is the standard form; some older clients read only an RFC 2047 encoded name.
        part.ContentType.Name = source.FileName;
        foreach (var parameter in part.ContentType.Parameters)
        {
            if (parameter.Name == "name")
                parameter.EncodingMethod = ParameterEncodingMethod.Rfc2047;
        }
        return part;
    }

    /// <summary>A line break in a header would end it early (header injection); a subject or file name must be one line.</summary>
    private static void RefuseControlCharacters(string messageId, string value, string what)
    {
        if (value.Any(char.IsControl))
            throw new MailPermanentException(messageId, $"Mail {messageId} cannot be built: {what} contains a control character (a line break or tab); correct the text it comes from (e.g. the nämnd's Namn).");
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex MessageIdPattern();
}
