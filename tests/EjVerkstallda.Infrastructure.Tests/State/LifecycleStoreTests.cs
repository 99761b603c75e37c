using Dapper;
using EjVerkstallda.Core.Lifecycle;
using EjVerkstallda.Infrastructure.Data;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Infrastructure.Tests.Support;
using Kvartal = EjVerkstallda.Core.Kvartal.Kvartal;

namespace EjVerkstallda.Infrastructure.Tests.State;

/// <summary>
/// The lifecycle's tables on real SQLite and PostgreSQL: a store of the previous release upgrades with its quarters as
/// version 1 (approved by a "legacy" identity where it was approved) and the same result makes no spurious correction; the
/// audit trail refuses UPDATE and DELETE; a version changed by someone else meanwhile is not overwritten.
/// </summary>
public abstract class LifecycleStoreTests<TDb> where TDb : ITestDatabase, new()
{
    private static readonly string[] PreviousRelease = ["0001_initial.sql", "0002_outbox.sql", "0003_wide_text_columns.sql", "0004_public_documents.sql"];
    private static readonly Kvartal Q1 = Kvartal.Parse("2024Q1");
    private TDb _db = default!;

    [SetUp]
    public async Task SetUp()
    {
        _db = new TDb();
        await _db.CreateAsync();
    }

    [TearDown]
    public async Task TearDown() => await _db.DisposeAsync();

    private StateDb State => new(_db.Dialect, _db.ConnectionString);

    private async Task CreateAsThePreviousReleaseDidAsync()
    {
        await using var c = await _db.OpenAsync();
        foreach (var name in PreviousRelease.Where(n => SqlScripts.List($"{_db.Dialect.Folder}/state").Contains($"{_db.Dialect.Folder}/state/{n}")))
            foreach (var statement in SqlScripts.Statements(SqlScripts.Read($"{_db.Dialect.Folder}/state/{name}")))
                await c.ExecuteAsync(statement);
        await c.ExecuteAsync("CREATE TABLE ejv_schema_journal (script_name VARCHAR(200) NOT NULL PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)");
        foreach (var name in PreviousRelease)
            await c.ExecuteAsync("INSERT INTO ejv_schema_journal (script_name, applied_at) VALUES (@name, '2026-06-01T08:00:00Z')", new { name });
    }

    [Test]
    public async Task Migrate_QuartersOfThePreviousRelease_BecomeVersion1_ApprovedOnesByALegacyIdentity()
    {
        await CreateAsThePreviousReleaseDidAsync();
        var json = RunDocument.Of("statistikrapport.json", "{\"quarter\":\"2024Q1\"}"u8.ToArray());
        var underlag = RunDocument.Of("ivo-underlag.json", "{\"reports\":[]}"u8.ToArray());
        await using (var c = await _db.OpenAsync())
        {
            foreach (var q in new[] { "2024Q1", "2024Q2" })
            {
                await c.ExecuteAsync("INSERT INTO ejv_quarter (namnd_id, quarter, completed_at, run_id, open_count) VALUES ('sn', @q, '2024-04-02T08:00:00Z', 7, 3)", new { q });
                foreach (var d in new[] { json, underlag })
                    await c.ExecuteAsync("INSERT INTO ejv_document (namnd_id, quarter, name, content, sha256, run_id, created_at) VALUES ('sn', @q, @Name, @Content, @Sha256, 7, '2024-04-02T08:00:00Z')",
                        new { q, d.Name, d.Content, d.Sha256 });
            }
            await c.ExecuteAsync("INSERT INTO ejv_approval (namnd_id, quarter, approved_by, approved_at) VALUES ('sn', '2024Q1', 'Anna Andersson', '2024-04-10T09:00:00Z')");
            await c.ExecuteAsync("""
                INSERT INTO ejv_outbox (message_id, namnd_id, quarter, kind, role, recipients, subject, body, status, attempts, created_at, next_attempt_at)
                VALUES ('final.sn.2024Q1.fullmaktige', 'sn', '2024Q1', 'final', 'fullmaktige', 'kf@example.org', 's', 'b', 'sent', 1, '2024-04-10T09:00:00Z', '2024-04-10T09:00:00Z')
                """);
        }

        await State.MigrateAsync(CancellationToken.None);

        var store = new LifecycleStore(State, TimeProvider.System);
        var all = await store.LoadAllAsync("sn", CancellationToken.None);
        Assert.That(all.Select(l => (l.Quarter.ToString(), l.Current!.Version, l.Current.State)),
            Is.EqualTo(new[] { ("2024Q1", 1, VersionState.Approved), ("2024Q2", 1, VersionState.Draft) }));
        var approval = all[0].Current!.Approval!;
        Assert.That(approval.By, Is.EqualTo(new Actor("Anna Andersson", "Anna Andersson", VersionApproval.LegacySource)));
        Assert.That(all[0].ReceivedBy(1), Is.EquivalentTo(new[] { Role.Namnd, Role.Fullmaktige, Role.Revisorer }), "the old approval sent to all three");
        var hash = $"{json.Sha256}:{underlag.Sha256}";
        Assert.That(LifecycleRules.Run(all[0], hash, DateTimeOffset.UtcNow).Changed, Is.False, "the same result run again after the upgrade is no correction");
        Assert.That((await store.GetDocumentAsync("sn", "2024Q1", 1, "statistikrapport.json", CancellationToken.None))!.Content, Is.EqualTo(json.Content));
        var audit = await new AuditStore(State).ListAsync("sn", "2024Q1", CancellationToken.None);
        Assert.That(audit.Select(a => (a.What, a.ActorSource, a.ToVersion)), Is.EqualTo(new[] { ("approve", "legacy", (long?)1) }));
        var sent = await store.DeliveriesAsync("sn", CancellationToken.None);
        Assert.That(sent.Select(d => (d.Role, d.Purpose, d.Status)), Is.EqualTo(new[] { ("fullmaktige", "legacy", (string?)"sent") }));
    }

    [Test]
    public async Task Audit_UpdateOrDelete_IsRefusedByTheSchema()
    {
        await State.InitAsync(CancellationToken.None);
        await using var c = await _db.OpenAsync();
        await using (var tx = await c.BeginTransactionAsync())
        {
            await AuditStore.AppendAsync(c, tx, AuditEvent.Of(Actor.Service, "2024-04-02T08:00:00Z", "sn", "2024Q1", AuditWhat.Version, null, 1, "run 1"), CancellationToken.None);
            await tx.CommitAsync();
        }
        Assert.That(async () => await c.ExecuteAsync("UPDATE ejv_audit SET actor_id = 'someone else'"), Throws.InstanceOf<System.Data.Common.DbException>());
        Assert.That(async () => await c.ExecuteAsync("DELETE FROM ejv_audit"), Throws.InstanceOf<System.Data.Common.DbException>());
        Assert.That(await c.ExecuteScalarAsync<string>("SELECT actor_id FROM ejv_audit"), Is.EqualTo(Actor.Service.Id));
    }

    [Test]
    public async Task Apply_VersionChangedMeanwhile_ConflictAndNothingWritten()
    {
        await State.InitAsync(CancellationToken.None);
        var store = new LifecycleStore(State, TimeProvider.System);
        var now = DateTimeOffset.UtcNow;
        await using (var c = await _db.OpenAsync())
        await using (var tx = await c.BeginTransactionAsync())
        {
            var run = LifecycleRules.Run(QuarterLifecycle.Empty("sn", Q1), "h1", now);
            await LifecycleStore.SaveAsync(c, tx, QuarterLifecycle.Empty("sn", Q1), run.After, 1, CancellationToken.None);
            await tx.CommitAsync();
        }
        var read = await store.LoadAsync("sn", Q1, CancellationToken.None);
        var anna = new Actor("anna", "Anna", Actor.FromOs);
        var first = LifecycleRules.Approve(read, null, anna, now);
        var second = LifecycleRules.Approve(read, null, new Actor("bo", "Bo", Actor.FromOs), now);
        var audit = AuditEvent.Of(anna, "2024-04-02T08:00:00Z", "sn", "2024Q1", AuditWhat.Approve, null, 1, null);
        await store.ApplyAsync(read, first.After, [], [], [audit], CancellationToken.None);

        Assert.That(async () => await store.ApplyAsync(read, second.After, [], [], [audit], CancellationToken.None), Throws.InstanceOf<LifecycleConflictException>());
        var stored = await store.LoadAsync("sn", Q1, CancellationToken.None);
        Assert.That(stored.Current!.Approval!.By.Id, Is.EqualTo("anna"), "the first approval stands");
        Assert.That(await new AuditStore(State).ListAsync("sn", null, CancellationToken.None), Has.Count.EqualTo(1), "the refused change wrote no event");
    }
}

[TestFixture]
public sealed class LifecycleStoreSqliteTests : LifecycleStoreTests<SqliteTestDatabase>;

[TestFixture]
public sealed class LifecycleStorePostgresTests : LifecycleStoreTests<PostgresTestDatabase>;
