namespace EjVerkstallda.Infrastructure.Evidence;

/// <summary>Everything the state store holds about one nämnd's quarter, as the evidence pack shows it.</summary>
public sealed record EvidenceData(
    string Namnd,
    string Quarter,
    IReadOnlyList<EvidenceDocument> Documents,
    IReadOnlyList<EvidenceVersion> Versions,
    IReadOnlyList<EvidenceDelivery> Deliveries,
    IReadOnlyList<EvidenceAuditEvent> Audit,
    IReadOnlyList<EvidenceMessage> Messages,
    IReadOnlyList<EvidenceIvoReport> IvoReports,
    IReadOnlyList<EvidenceDataQuality> DataQuality,
    IReadOnlyList<EvidenceRun> Runs);

/// <summary>A document kept in the state store; <see cref="StoredSha256"/> is the hash recorded when it was written.</summary>
public sealed record EvidenceDocument(string Name, byte[] Content, string StoredSha256, long RunId, string CreatedAt, int? Version = null);

/// <summary>One version of the quarter's report (<c>ejv_version</c>): its state, who approved it and recorded the nämnd's decision, and when.</summary>
public sealed record EvidenceVersion
{
    public long Version { get; init; }
    public string State { get; init; } = "";
    public string CreatedAt { get; init; } = "";
    public long RunId { get; init; }
    public string ResultHash { get; init; } = "";
    public string? ApprovedById { get; init; }
    public string? ApprovedByName { get; init; }
    public string? ApprovedBySource { get; init; }
    public string? ApprovedAt { get; init; }
    public string? DecisionDate { get; init; }
    public string? DecisionParagraph { get; init; }
    public string? DecidedById { get; init; }
    public string? DecidedByName { get; init; }
    public string? DecidedBySource { get; init; }
    public string? DecidedAt { get; init; }
    public string? SupersededAt { get; init; }
}

/// <summary>What was sent for a version, to which role and why (<c>ejv_delivery</c>).</summary>
public sealed record EvidenceDelivery
{
    public long Version { get; init; }
    public string Role { get; init; } = "";
    public string Purpose { get; init; } = "";
    public string? MessageId { get; init; }
    public string Channel { get; init; } = "";
    public string RecordedAt { get; init; } = "";
}

/// <summary>One event of the append-only audit trail (<c>ejv_audit</c>): who, when, what, from which version to which.</summary>
public sealed record EvidenceAuditEvent
{
    public long AuditId { get; init; }
    public string OccurredAt { get; init; } = "";
    public string ActorId { get; init; } = "";
    public string ActorName { get; init; } = "";
    public string ActorSource { get; init; } = "";
    public string What { get; init; } = "";
    public long? FromVersion { get; init; }
    public long? ToVersion { get; init; }
    public string? Detail { get; init; }
}

/// <summary>
/// A message recorded in the outbox for the quarter: who it was for and what became of it. Never its body (the draft names
/// beslut ids); only the body's SHA-256, and the attachment's name and SHA-256, so a copy in a mail archive can be matched.
/// </summary>
public sealed record EvidenceMessage(
    string MessageId,
    string Kind,
    string Role,
    IReadOnlyList<string> Recipients,
    string Subject,
    string Status,
    long Attempts,
    string CreatedAt,
    string? SentAt,
    string? LastError,
    string BodySha256,
    string? AttachmentName,
    string? AttachmentSha256);

/// <summary>One IVO report of the quarter and whether (and by whom, when) it was marked entered in IVO's e-tjänst.</summary>
public sealed record EvidenceIvoReport(
    string BeslutId,
    string Kind,
    string? Avbrottsdatum,
    string Status,
    bool Late,
    string Lag,
    string Deadline,
    string? ClosingDate,
    string? SubmittedAt,
    string? SubmittedBy);

public sealed record EvidenceDataQuality(string? BeslutId, string Problem, bool Excluded);

/// <summary>One row of <c>ejv_run</c> for the quarter (a dry run is never recorded there).</summary>
public sealed record EvidenceRun
{
    public long RunId { get; init; }
    public string StartedAt { get; init; } = "";
    public string? FinishedAt { get; init; }
    public string Outcome { get; init; } = "";
    public long? Reports { get; init; }
    public long? Ny { get; init; }
    public long? Kvarstar { get; init; }
    public long? Verkstalld { get; init; }
    public long? Avslutad { get; init; }
    public long? Late { get; init; }
    public long? Manual { get; init; }
    public long? DataQuality { get; init; }
    public string? Message { get; init; }
}
