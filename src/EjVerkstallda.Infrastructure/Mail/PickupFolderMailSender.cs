using EjVerkstallda.Infrastructure.Files;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace EjVerkstallda.Infrastructure.Mail;

/// <summary>
/// Writes each mail as <c>{MessageId}.eml</c> (a complete RFC 5322 message, MIME attachments
/// included) into a pickup folder: the embedded default when no relay is configured.
/// </summary>
/// <remarks>
/// Exactly once per message id: if the file exists the send does nothing, so an outbox that retries
/// after a crash never produces a second file. The message is first written by MimeKit into
/// a private staging folder (<c>.staging/</c> inside the pickup folder, same file system), flushed
/// to disk and then renamed, so the final name never holds half a message. <c>X-Sender</c> and
/// <c>X-Receiver</c> envelope headers come first, as IIS-style pickup readers expect.
/// A crash between writing and renaming leaves a folder under <c>.staging/</c>, never a <c>*.eml</c>
/// at the top level; such leftovers can be deleted at any time.
/// </remarks>
public sealed class PickupFolderMailSender : IMailSender
{
    private const string StagingFolderName = ".staging";
    private readonly string folder;
    private readonly ILogger<PickupFolderMailSender> logger;

    public PickupFolderMailSender(string pickupFolder, ILogger<PickupFolderMailSender> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pickupFolder);
        ArgumentNullException.ThrowIfNull(logger);
        folder = Path.GetFullPath(pickupFolder);
        this.logger = logger;
    }

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        MimeMessageFactory.ValidateMessageId(mail.MessageId);
        string target = Path.Combine(folder, mail.MessageId + ".eml");
        if (File.Exists(target))
        {
            Log.PickupAlreadyWritten(logger, mail.MessageId);
            return;
        }
        string staging = Path.Combine(folder, StagingFolderName, Guid.NewGuid().ToString("N"));
        try
        {
            SecureFiles.CreateDirectory(staging);
            string written = await WriteToStagingAsync(mail, staging, cancellationToken).ConfigureAwait(false);
            MoveIntoPlace(mail.MessageId, written, target);
        }
        catch (Exception e) when (Classify(e, mail.MessageId) is { } mapped)
        {
            throw mapped;
        }
        finally
        {
            DeleteStaging(staging);
        }
    }

    private static async Task<string> WriteToStagingAsync(OutgoingMail mail, string staging, CancellationToken cancellationToken)
    {
        using MimeMessage message = MimeMessageFactory.Create(mail);
        message.Headers.Insert(0, "X-Sender", message.From.Mailboxes.First().Address);
        foreach (var to in message.To.Mailboxes.Reverse())
            message.Headers.Insert(1, "X-Receiver", to.Address);
        string written = Path.Combine(staging, mail.MessageId + ".eml");
        await using (FileStream stream = CreateFile(written))
        {
            await message.WriteToAsync(FormatOptions.Default, stream, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }
        return written;
    }

    /// <summary>The one place a pickup file is created: new (never overwriting) and 0600 from its first byte.</summary>
    private static FileStream CreateFile(string path) => SecureFiles.Open(path, FileMode.CreateNew, FileAccess.Write);

    private void MoveIntoPlace(string messageId, string written, string target)
    {
        try
        {
            File.Move(written, target, overwrite: false);
            Log.PickupWritten(logger, messageId);
        }
        catch (IOException) when (File.Exists(target))
        {
            // A concurrent send of the same message id won the race: the mail is in place exactly once.
            Log.PickupAlreadyWritten(logger, messageId);
        }
    }

    private Exception? Classify(Exception exception, string messageId) => exception switch
    {
        MailPermanentException or MailTransientException or OperationCanceledException => null,
        _ when Find<UnauthorizedAccessException>(exception) is { } denied =>
            new MailPermanentException(messageId, $"Mail {messageId}: no permission to write to the pickup folder {folder} ({denied.Message}); grant the service account write access.", exception),
        _ when Find<IOException>(exception) is { } io =>
            new MailTransientException(messageId, $"Mail {messageId}: writing to the pickup folder {folder} failed ({io.Message}); free disk space or retry later.", exception),
        _ => SmtpFailureClassifier.Classify(exception, messageId, "pickup folder " + folder),
    };

    private static T? Find<T>(Exception exception) where T : Exception
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
                return found;
        }
        return null;
    }

    private static void DeleteStaging(string staging)
    {
        if (Directory.Exists(staging))
            Directory.Delete(staging, recursive: true);
    }
}
