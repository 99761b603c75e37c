using System.Data.Common;
using Dapper;

namespace EjVerkstallda.Infrastructure.Data;

/// <summary>
/// Applies the embedded scripts <c>sql/&lt;provider&gt;/&lt;set&gt;/NNNN_*.sql</c> in name order, each in its own
/// transaction, journaled in <c>ejv_schema_journal</c> (the <c>state</c> set by file name, other sets as <c>set/file</c>).
/// Safe to run from several instances at once.
/// </summary>
public sealed class MigrationRunner(SqlDialect dialect, string connectionString, string scriptSet = "state")
{
    public const string JournalTable = "ejv_schema_journal";

    public async Task<MigrationResult> RunAsync(CancellationToken cancellationToken)
    {
        var scripts = SqlScripts.List($"{dialect.Folder}/{scriptSet}");
        if (scripts.Count == 0) throw new InvalidOperationException($"no migration scripts embedded for {dialect.Folder}/{scriptSet}");
        await using var connection = dialect.CreateConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await EnsureJournalAsync(connection, cancellationToken);
        var applied = new List<string>();
        foreach (var script in scripts)
        {
            var name = Path.GetFileName(script);
            var journalName = scriptSet == "state" ? name : $"{scriptSet}/{name}";
            if (await ApplyAsync(connection, script, journalName, cancellationToken)) applied.Add(name);
        }
        return new MigrationResult(applied, scripts.Count);
    }

    private async Task EnsureJournalAsync(DbConnection connection, CancellationToken ct)
    {
        var sql = dialect.Provider switch
        {
            DbProvider.SqlServer => $"IF OBJECT_ID(N'{JournalTable}', N'U') IS NULL CREATE TABLE {JournalTable} (script_name NVARCHAR(200) NOT NULL PRIMARY KEY, applied_at NVARCHAR(40) NOT NULL)",
            _ => $"CREATE TABLE IF NOT EXISTS {JournalTable} (script_name VARCHAR(200) NOT NULL PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)",
        };
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, cancellationToken: ct));
        }
        catch (DbException) when (dialect.Provider != DbProvider.Sqlite)
        {
            // Another instance created it at the same moment; the journal now exists.
        }
    }

    private async Task<bool> ApplyAsync(DbConnection connection, string script, string name, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (dialect.MigrationLock is { } lockSql)
            await connection.ExecuteAsync(new CommandDefinition(lockSql, transaction: tx, cancellationToken: ct));
        var done = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT COUNT(*) FROM {JournalTable} WHERE script_name = @name", new { name }, tx, cancellationToken: ct));
        if (done > 0) return false;
        foreach (var statement in SqlScripts.Statements(SqlScripts.Read(script)))
            await connection.ExecuteAsync(new CommandDefinition(statement, transaction: tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO {JournalTable} (script_name, applied_at) VALUES (@name, @at)",
            new { name, at = DateTimeOffset.UtcNow.ToString("O") }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return true;
    }
}

/// <summary>What a migration run did: the scripts it applied now, out of all it knows.</summary>
public sealed record MigrationResult(IReadOnlyList<string> Applied, int Known);
