using System.Security.Cryptography;
using System.Text;
using Dapper;
using EjVerkstallda.Infrastructure.State;

namespace EjVerkstallda.Infrastructure.Evidence;

/// <summary>Reads what the evidence pack holds from the state store (the source of truth), never from the output folder.</summary>
public sealed class EvidenceReader(StateDb db, LedgerStore ledger)
{
    public async Task<EvidenceData> ReadAsync(string namnd, string quarter, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new { namnd, quarter };
        var documents = await c.QueryAsync<DocumentRow>(new CommandDefinition(
            "SELECT name AS Name, content AS Content, sha256 AS Sha256, run_id AS RunId, created_at AS CreatedAt FROM ejv_document WHERE namnd_id = @namnd AND quarter = @quarter ORDER BY name",
            args, cancellationToken: ct));
        var approvals = await c.QueryAsync<EvidenceApproval>(new CommandDefinition(
            "SELECT approved_by AS ApprovedBy, approved_at AS ApprovedAt FROM ejv_approval WHERE namnd_id = @namnd AND quarter = @quarter ORDER BY approved_at",
            args, cancellationToken: ct));
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
            documents.Select(d => new EvidenceDocument(d.Name, d.Content, d.Sha256.Trim(), d.RunId, d.CreatedAt)).ToList(),
            approvals.ToList(), messages.Select(ToMessage).ToList(), reports, quality, runs.ToList());
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
