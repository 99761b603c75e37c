using DbUp;
using DbUp.Builder;
using DbUp.Engine;
using EjVerkstallda.Infrastructure.State;

namespace EjVerkstallda.Infrastructure.Data;

/// <summary>
/// Applies the embedded scripts <c>sql/&lt;provider&gt;/&lt;set&gt;/NNNN_*.sql</c> with DbUp, in name order, each in its own
/// transaction, journaled in <c>ejv_schema_journal</c> (<see cref="SchemaJournal"/>: the <c>state</c> set by file name, other
/// sets as <c>set/file</c>). The whole upgrade runs under <see cref="MigrationLock"/>, so several instances may start at once.
/// </summary>
public sealed class MigrationRunner(SqlDialect dialect, string connectionString, string scriptSet = "state")
{
    public const string JournalTable = SchemaJournal.Table;

    /// <summary>For tests: called when the lock is held by another instance, and after the journal was read.</summary>
    public MigrationProbe? Probe { get; init; }

    /// <summary>Upgrades and returns the scripts applied now; a failed script throws <see cref="MigrationFailedException"/>.</summary>
    public async Task<MigrationResult> RunAsync(CancellationToken cancellationToken)
    {
        var result = await UpgradeAsync(cancellationToken);
        if (!result.Successful) throw new MigrationFailedException(result.ErrorScript?.Name ?? $"{dialect.Folder}/{scriptSet}", result.Error);
        return new MigrationResult(result.Scripts.Select(s => Path.GetFileName(s.Name)).ToList(), Scripts().Count);
    }

    /// <summary>DbUp's result: the scripts applied now, or the error and the script that failed.</summary>
    public async Task<DatabaseUpgradeResult> UpgradeAsync(CancellationToken cancellationToken)
    {
        var scripts = Scripts();
        if (scripts.Count == 0) throw new InvalidOperationException($"no migration scripts embedded for {dialect.Folder}/{scriptSet}");
        await using var held = await MigrationLock.AcquireAsync(dialect, connectionString, Probe?.LockContended, cancellationToken);
        var engine = Builder()
            .WithScripts(scripts)
            .JournalTo((connectionManager, _) => new SchemaJournal(connectionManager, dialect, Probe?.JournalRead))
            .WithTransactionPerScript()
            .WithVariablesDisabled()
            .LogToNowhere()
            .Build();
        return await Task.Run(engine.PerformUpgrade, cancellationToken);
    }

    private UpgradeEngineBuilder Builder() => dialect.Provider switch
    {
        DbProvider.Sqlite => DeployChanges.To.SqliteDatabase(connectionString),
        DbProvider.PostgreSql => DeployChanges.To.PostgresqlDatabase(connectionString),
        _ => DeployChanges.To.SqlDatabase(connectionString),
    };

    /// <summary>
    /// The embedded scripts under their journal names. SQL Server runs each statement as its own batch (DbUp splits on
    /// <c>GO</c>), as the earlier runner did, so that a statement may use a column added by the one before.
    /// </summary>
    public List<SqlScript> Scripts() => SqlScripts.List($"{dialect.Folder}/{scriptSet}")
        .Select(path => new SqlScript(JournalName(path), Contents(path)))
        .ToList();

    private string JournalName(string path) => scriptSet == "state" ? Path.GetFileName(path) : $"{scriptSet}/{Path.GetFileName(path)}";

    private string Contents(string path) => dialect.Provider == DbProvider.SqlServer
        ? string.Join("\nGO\n", SqlScripts.Statements(SqlScripts.Read(path)))
        : SqlScripts.Read(path);
}

/// <summary>What a migration run did: the scripts it applied now, out of all it knows.</summary>
public sealed record MigrationResult(IReadOnlyList<string> Applied, int Known);

/// <summary>Test seam: observe the moments where two instances could race.</summary>
public sealed class MigrationProbe
{
    public Action? LockContended { get; init; }
    public Action? JournalRead { get; init; }
}
