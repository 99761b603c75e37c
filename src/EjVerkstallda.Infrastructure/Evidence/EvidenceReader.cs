using System.Security.Cryptography;
using System.Text;
using Dapper;
using EjVerkstallda.Infrastructure.State;

namespace EjVerkstallda.Infrastructure.Evidence;

/// <summary>
/// Reads what the evidence pack holds from the state store (the source of truth), never from the output folder: every
/// version's documents (<c>ejv_version_document</c>) and the latest run's (<c>ejv_document</c>, Version null), the versions
/// with their approvals and decisions, the deliveries, the audit trail, the messages, the ledger, the data quality, the runs.
/// </summary>
public sealed class EvidenceReader(StateDb db, LedgerStore ledger)
{
    public async Task<EvidenceData> ReadAsync(string namnd, string quarter, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new { namnd, quarter };
        var documents = await c.QueryAsync<DocumentRow>(new CommandDefinition(
            "SELECT name AS Name, content AS Content, sha256 AS Sha256, run_id AS RunId, created_at AS CreatedAt FROM ejv_document WHERE namnd_id = @namnd AND quarter = @quarter ORDER BY name",
            args, cancellationToken: ct));
        var versionDocuments = await c.QueryAsync<DocumentRow>(new CommandDefinition(
            "SELECT d.name AS Name, d.content AS Content, d.sha256 AS Sha256, v.run_id AS RunId, d.created_at AS CreatedAt, d.version AS Version FROM ejv_version_document d JOIN ejv_version v ON v.namnd_id = d.namnd_id AND v.quarter = d.quarter AND v.version = d.version WHERE d.namnd_id = @namnd AND d.quarter = @quarter ORDER BY d.version, d.name",
            args, cancellationToken: ct));
        var versions = await c.QueryAsync<EvidenceVersion>(new CommandDefinition(
            """
            SELECT version AS Version, state AS State, created_at AS CreatedAt, run_id AS RunId, result_hash AS ResultHash,
                   approved_by_id AS ApprovedById, approved_by_name AS ApprovedByName, approved_by_source AS ApprovedBySource, approved_at AS ApprovedAt,
                   decision_date AS DecisionDate, decision_paragraph AS DecisionParagraph, decided_by_id AS DecidedById,
                   decided_by_name AS DecidedByName, decided_by_source AS DecidedBySource, decided_at AS DecidedAt, superseded_at AS SupersededAt
            FROM ejv_version WHERE namnd_id = @namnd AND quarter = @quarter ORDER BY version
            """, args, cancellationToken: ct));
        var deliveries = await c.QueryAsync<EvidenceDelivery>(new CommandDefinition(
            "SELECT version AS Version, role AS Role, purpose AS Purpose, message_id AS MessageId, channel AS Channel, recorded_at AS RecordedAt FROM ejv_delivery WHERE namnd_id = @namnd AND quarter = @quarter ORDER BY recorded_at, version, role",
            args, cancellationToken: ct));
        var audit = await c.QueryAsync<EvidenceAuditEvent>(new CommandDefinition(
            """
            SELECT audit_id AS AuditId, occurred_at AS OccurredAt, actor_id AS ActorId, actor_name AS ActorName, actor_source AS ActorSource,
                   what AS What, from_version AS FromVersion, to_version AS ToVersion, detail AS Detail
            FROM ejv_audit WHERE namnd_id = @namnd AND quarter = @quarter ORDER BY audit_id
            """, args, cancellationToken: ct));
        var messages = await c.QueryAsync<MessageRow>(new CommandDefinition(
            """
            SELECT message_id AS MessageId, kind AS Kind, role AS Role, recipients AS Recipients, subject AS Subject, body AS Body,
                   attachment_name AS AttachmentName, attachment AS Attachment, status AS Status, attempts AS Attempts,
                   last_error AS LastError, created_at AS CreatedAt, sent_at AS SentAt
            FROM ejv_outbox WHERE namnd_id = @namnd AND quarter = @quarter ORDER BY created_at, message_id
            """, args, cancellationToken: ct));
        var runs = await c.QueryAsync<EvidenceRun>(new CommandDefinition(
            """
            SELECT run_id AS RunId, started_at AS StartedAt, finished_at AS FinishedAt, outcome AS Outcome, reports AS Reports, ny AS Ny,
                   kvarstar AS Kvarstar, verkstalld AS Verkstalld, avslutad AS Avslutad, late AS Late, manual AS Manual,
                   data_quality AS DataQuality, message AS Message
            FROM ejv_run WHERE namnd_id = @namnd AND quarter = @quarter ORDER BY run_id
            """, args, cancellationToken: ct));
        var reports = (await ledger.QuarterAsync(namnd, quarter, ct)).Select(r => new EvidenceIvoReport(
            r.BeslutId, r.Kind, r.CaseStart.Length == 0 ? null : r.CaseStart, r.Status, r.Late, r.Lag, r.Deadline, r.ClosingDate,
            r.SubmittedAt, r.SubmittedBy)).ToList();
        var quality = (await ledger.DataQualityAsync(namnd, quarter, ct)).Select(p => new EvidenceDataQuality(p.BeslutId, p.Problem, p.Excluded)).ToList();
        return new EvidenceData(namnd, quarter,
            versionDocuments.Concat(documents).Select(d => new EvidenceDocument(d.Name, d.Content, d.Sha256.Trim(), d.RunId, d.CreatedAt, d.Version)).ToList(),
            versions.ToList(), deliveries.ToList(), audit.ToList(), messages.Select(ToMessage).ToList(), reports, quality, runs.ToList());
    }

    private static EvidenceMessage ToMessage(MessageRow m) => new(
        m.MessageId, m.Kind, m.Role, m.Recipients.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        m.Subject, m.Status, m.Attempts, m.CreatedAt, m.SentAt, m.LastError, Sha256(Encoding.UTF8.GetBytes(m.Body)),
        m.AttachmentName, m.Attachment is null ? null : Sha256(m.Attachment));

    public static string Sha256(byte[] content) => Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant();

    private sealed record DocumentRow
    {
        public string Name { get; init; } = "";
        public byte[] Content { get; init; } = [];
        public string Sha256 { get; init; } = "";
        public long RunId { get; init; }
        public string CreatedAt { get; init; } = "";
        public int? Version { get; init; }
    }

    private sealed record MessageRow
    {
        public string MessageId { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Role { get; init; } = "";
        public string Recipients { get; init; } = "";
        public string Subject { get; init; } = "";
        public string Body { get; init; } = "";
        public string? AttachmentName { get; init; }
        public byte[]? Attachment { get; init; }
        public string Status { get; init; } = "";
        public long Attempts { get; init; }
        public string? LastError { get; init; }
        public string CreatedAt { get; init; } = "";
        public string? SentAt { get; init; }
    }
}
