namespace EjVerkstallda.Infrastructure.Outbox;

/// <summary>
/// One e-mail as recorded in the outbox. <see cref="MessageId"/> is derived from what the message is about
/// (nämnd, quarter, kind, role, content), so recording the same message twice records it once.
/// </summary>
public sealed record OutboxMessage
{
    public required string MessageId { get; init; }
    public required string Namnd { get; init; }
    public string? Quarter { get; init; }
    public required string Kind { get; init; }
    public required string Role { get; init; }
    public required IReadOnlyList<string> Recipients { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    public string? AttachmentName { get; init; }
    public string? AttachmentType { get; init; }
    public byte[]? Attachment { get; init; }

    /// <summary><see cref="OutboxChannels.Mail"/> (the default) or <see cref="OutboxChannels.Folder"/>: the attachment written to <see cref="Destination"/>.</summary>
    public string Channel { get; init; } = OutboxChannels.Mail;

    /// <summary>For an S/MIME mail: the recipients' certificate files (PEM or DER); the message is encrypted to them when it is sent.</summary>
    public IReadOnlyList<string> EncryptTo { get; init; } = [];

    /// <summary>For <see cref="OutboxChannels.Folder"/>: the folder the attachment is written to.</summary>
    public string? Destination { get; init; }
}

public static class OutboxChannels
{
    public const string Mail = "mail";
    public const string Folder = "folder";
}

public static class OutboxKinds
{
    public const string Draft = "draft";
    public const string Final = "final";
    public const string Reminder = "reminder";
    public const string Alert = "alert";

    /// <summary>The revisorer's confidential per-case reports of an approved version (encrypted mail or a protected folder).</summary>
    public const string PerCase = "percase";
}

public static class OutboxStatus
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Failed = "failed";
}

/// <summary>An outbox row as the status log shows it (no body, no attachment).</summary>
public sealed record OutboxEntry
{
    public string MessageId { get; init; } = "";
    public string Namnd { get; init; } = "";
    public string? Quarter { get; init; }
    public string Kind { get; init; } = "";
    public string Role { get; init; } = "";
    public string Status { get; init; } = "";
    public long Attempts { get; init; }
    public string? LastError { get; init; }
    public string CreatedAt { get; init; } = "";
    public string NextAttemptAt { get; init; } = "";
    public string? SentAt { get; init; }
}
