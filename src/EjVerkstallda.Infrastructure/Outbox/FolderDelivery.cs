using EjVerkstallda.Infrastructure.Files;
using EjVerkstallda.Infrastructure.Mail;

namespace EjVerkstallda.Infrastructure.Outbox;

/// <summary>
/// Delivers an outbox item of the <see cref="OutboxChannels.Folder"/> channel: its attachment written into the destination
/// folder (a protected folder or share of the revisorer) under its own name, <c>0600</c> (or <c>0640</c> in a folder the
/// administrator made group-private, see <see cref="SecureFiles"/>). Exactly once: written to a temp file, flushed, then
/// renamed without overwriting; a file already there with the same bytes is this item delivered before a crash, and a file
/// with other bytes is never replaced (the item fails and the administrator is told).
/// </summary>
public static class FolderDelivery
{
    /// <returns>True when the file was written now; false when the same file was already there.</returns>
    public static async Task<bool> DeliverAsync(OutboxMessage m, CancellationToken ct)
    {
        if (m.Destination is not { Length: > 0 } folder || m.AttachmentName is not { Length: > 0 } name || m.Attachment is null)
            throw new MailPermanentException(m.MessageId, $"Outbox item {m.MessageId} has no destination folder, file name or content.");
        if (name != Path.GetFileName(name) || name.StartsWith('.'))
            throw new MailPermanentException(m.MessageId, $"Outbox item {m.MessageId}: the file name must be a plain name, not a path.");
        var target = Path.Combine(Path.GetFullPath(folder), name);
        try
        {
            if (File.Exists(target)) return SameFile(m, target);
            SecureFiles.CreateDirectory(folder, shareWithGroup: true);
            SecureFiles.RemoveStaleTemp(Path.GetDirectoryName(target)!);
            var temp = SecureFiles.TempFor(target, Environment.ProcessId);
            File.Delete(temp);
            await using (var stream = SecureFiles.CreateNew(temp, shareWithGroup: true))
            {
                await stream.WriteAsync(m.Attachment, ct);
                stream.Flush(flushToDisk: true);
            }
            return MoveIntoPlace(m, temp, target);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new MailPermanentException(m.MessageId, $"Outbox item {m.MessageId}: no permission to write to {folder} ({e.Message}); grant the service account write access, then ejv mail retry.", e);
        }
        catch (IOException e)
        {
            throw new MailTransientException(m.MessageId, $"Outbox item {m.MessageId}: writing to {folder} failed ({e.Message}); it is tried again later.", e);
        }
    }

    private static bool MoveIntoPlace(OutboxMessage m, string temp, string target)
    {
        try
        {
            File.Move(temp, target, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(target))
        {
            File.Delete(temp);
            return SameFile(m, target);
        }
    }

    private static bool SameFile(OutboxMessage m, string target)
    {
        if (File.ReadAllBytes(target).AsSpan().SequenceEqual(m.Attachment)) return false;
        throw new MailPermanentException(m.MessageId,
            $"Outbox item {m.MessageId}: {target} already exists with other content and is never overwritten; move the earlier file away if it is not the revisorer's, then ejv mail retry.");
    }
}
