using System.Data.Common;
using System.Security.Cryptography;
using Dapper;

namespace EjVerkstallda.Infrastructure.State;

/// <summary>
/// The documents of a quarter's latest real run, kept with the ledger (<c>ejv_document</c>): the public statistikrapport
/// exactly as it passed the anonymity guard, and the IVO underlag. Approval, the final report and <c>ejv ivo list</c> read
/// them here; the output folder is an export that nothing reads back.
/// </summary>
public sealed class DocumentStore(StateDb db)
{
    /// <summary>Replaces the quarter's documents, inside the ledger's transaction.</summary>
    public static async Task ReplaceAsync(DbConnection c, DbTransaction tx, string namnd, string quarter, long runId,
        IReadOnlyList<RunDocument> documents, string now, CancellationToken ct)
    {
        await c.ExecuteAsync(new CommandDefinition("DELETE FROM ejv_document WHERE namnd_id = @namnd AND quarter = @quarter",
            new { namnd, quarter }, tx, cancellationToken: ct));
        foreach (var d in documents)
        {
            await c.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO ejv_document (namnd_id, quarter, name, content, sha256, run_id, created_at)
                VALUES (@namnd, @quarter, @Name, @Content, @Sha256, @runId, @now)
                """, new { namnd, quarter, d.Name, d.Content, d.Sha256, runId, now }, tx, cancellationToken: ct));
        }
    }

    /// <summary>
    /// Only the stored SHA-256 (lower-case hex) of a document, without its bytes: lets a reader keep what it parsed from
    /// <see cref="GetAsync"/> until the quarter is run again. Null when the quarter's latest run stored none of that name.
    /// </summary>
    public async Task<string?> Sha256Async(string namnd, string quarter, string name, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var sha = await c.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT sha256 FROM ejv_document WHERE namnd_id = @namnd AND quarter = @quarter AND name = @name",
            new { namnd, quarter, name }, cancellationToken: ct));
        return sha?.Trim().ToLowerInvariant();
    }

    /// <summary>The stored document, its hash checked; null when the quarter's latest run stored none of that name.</summary>
    public async Task<RunDocument?> GetAsync(string namnd, string quarter, string name, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var r = await c.QuerySingleOrDefaultAsync<DocumentRow>(new CommandDefinition(
            "SELECT content AS Content, sha256 AS Sha256 FROM ejv_document WHERE namnd_id = @namnd AND quarter = @quarter AND name = @name",
            new { namnd, quarter, name }, cancellationToken: ct));
        if (r is null) return null;
        var doc = RunDocument.Of(name, r.Content);
        if (!string.Equals(doc.Sha256, r.Sha256.Trim(), StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"the stored {name} of {namnd} {quarter} does not match its SHA-256; run the quarter again");
        return doc;
    }

    private sealed class DocumentRow
    {
        public byte[] Content { get; init; } = [];
        public string Sha256 { get; init; } = "";
    }
}

/// <summary>One document of a run, with the SHA-256 of its bytes (lower-case hex).</summary>
public sealed record RunDocument(string Name, byte[] Content, string Sha256)
{
    public static RunDocument Of(string name, byte[] content) =>
        new(name, content, Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant());
}
