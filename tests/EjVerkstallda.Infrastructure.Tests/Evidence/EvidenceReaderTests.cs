using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Infrastructure.Evidence;
using EjVerkstallda.Infrastructure.Outbox;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Infrastructure.Tests.Support;

namespace EjVerkstallda.Infrastructure.Tests.Evidence;

/// <summary>The evidence reader over a real SQLite file and a real PostgreSQL server: every table it reads, one quarter only.</summary>
public abstract class EvidenceReaderTests<TDb> where TDb : ITestDatabase, new()
{
    private TDb _db = default!;
    private StateDb _state = default!;

    [SetUp]
    public async Task SetUp()
    {
        _db = new TDb();
        await _db.CreateAsync();
        _state = new StateDb(_db.Dialect, _db.ConnectionString);
        await _state.InitAsync(CancellationToken.None);
    }

    [TearDown]
    public async Task TearDown() => await _db.DisposeAsync();

    private static OutboxMessage Message(string id, string quarter, byte[]? attachment = null) => new()
    {
        MessageId = id, Namnd = "sn", Quarter = quarter, Kind = "final", Role = "namnd", Recipients = ["a@k.example", "b@k.example"],
        Subject = "Rapport", Body = "Hej, brödtext", AttachmentName = attachment is null ? null : "statistikrapport.docx",
        AttachmentType = attachment is null ? null : "application/octet-stream", Attachment = attachment,
    };

    [Test]
    public async Task ReadAsync_AQuarterLived_ReturnsItsRowsAndNoneOfTheNextQuarter()
    {
        var clock = TimeProvider.System;
        var ledger = new LedgerStore(_state, clock);
        var runs = new RunLog(_state, clock);
        var run1 = await runs.StartAsync("sn", "2024Q1", false, CancellationToken.None);
        await runs.FinishAsync(run1, new RunOutcome(RunOutcome.Succeeded, Reports: 1), CancellationToken.None);
        var run2 = await runs.StartAsync("sn", "2024Q2", false, CancellationToken.None);
        var row = new LedgerRow { BeslutId = "B-1", Kind = "ej_verkstallt", CaseStart = "", Status = "ny", Lag = "SoL", InsatsKod = "SABO", StartDate = "2023-11-30", Deadline = "2024-02-29", IvoId = "19400101-T123" };
        await ledger.SaveQuarterAsync("sn", "2024Q1", run1, [row], [new DataQualityProblem("B-9", "unknown insats code", Excluded: true)], CancellationToken.None,
            [Message("draft.1", "2024Q1")], [RunDocument.Of("statistikrapport.json", [1, 2, 3])]);
        await ledger.SaveQuarterAsync("sn", "2024Q2", run2, [row with { Status = "kvarstar" }], [], CancellationToken.None, [Message("draft.2", "2024Q2")]);
        await ledger.MarkSubmittedAsync("sn", "2024Q1", null, new Core.Lifecycle.Actor("greta", "Greta", Core.Lifecycle.Actor.FromOs), CancellationToken.None);
        await new OutboxStore(_state, clock).EnqueueAsync([Message("final.1", "2024Q1", [7, 7])], CancellationToken.None);
        await using (var c = await _state.OpenAsync(CancellationToken.None))
        {
            foreach (var q in new[] { "2024Q1", "2024Q2" })
            {
                await Dapper.SqlMapper.ExecuteAsync(c, "INSERT INTO ejv_version (namnd_id, quarter, version, created_at, run_id, result_hash, state, approved_by_id, approved_by_name, approved_by_source, approved_at) VALUES ('sn', @q, 1, '2024-04-01T06:00:00Z', @run1, 'h', 'approved', 'anna', 'Anna', 'os', '2024-04-02T08:00:00Z')", new { q, run1 });
                await Dapper.SqlMapper.ExecuteAsync(c, "INSERT INTO ejv_version_document (namnd_id, quarter, version, name, content, sha256, created_at) VALUES ('sn', @q, 1, 'statistikrapport.json', @content, @sha, '2024-04-01T06:00:00Z')", new { q, content = new byte[] { 1, 2, 3 }, sha = EvidenceReader.Sha256([1, 2, 3]) });
                await Dapper.SqlMapper.ExecuteAsync(c, "INSERT INTO ejv_delivery (namnd_id, quarter, version, role, purpose, message_id, channel, recorded_at) VALUES ('sn', @q, 1, 'namnd', 'namnd', 'final.1', 'mail', '2024-04-02T08:00:00Z')", new { q });
                await Dapper.SqlMapper.ExecuteAsync(c, "INSERT INTO ejv_audit (occurred_at, actor_id, actor_name, actor_source, namnd_id, quarter, what, from_version, to_version) VALUES ('2024-04-02T08:00:00Z', 'anna', 'Anna', 'os', 'sn', @q, 'approve', NULL, 1)", new { q });
            }
        }

        var d = await new EvidenceReader(_state, ledger).ReadAsync("sn", "2024Q1", CancellationToken.None);

        Assert.That(d.Runs.Select(r => (r.RunId, r.Outcome, r.Reports)), Is.EqualTo(new[] { (run1, "succeeded", (long?)1) }));
        Assert.That(d.Documents.Select(x => (x.Version, x.Name, x.RunId)), Is.EqualTo(new[] { ((int?)1, "statistikrapport.json", run1), (null, "statistikrapport.json", run1) }),
            "the version's document, then the latest run's");
        Assert.That(d.Documents.Select(x => x.Content), Is.All.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(d.Documents.Select(EvidencePack.HashMatches), Is.All.True);
        var v = d.Versions.Single();
        Assert.That((v.Version, v.State, v.ApprovedById, v.ApprovedByName, v.ApprovedBySource), Is.EqualTo((1L, "approved", "anna", "Anna", "os")));
        Assert.That(d.Deliveries.Single().MessageId, Is.EqualTo("final.1"));
        Assert.That(d.Audit.Select(a => (a.What, a.ActorId, a.ToVersion)), Is.EqualTo(new[] { ("ivo.entered", "greta", (long?)null), ("approve", "anna", (long?)1) }),
            "the quarter's events in order, none of the next quarter's");
        Assert.That(d.Messages.Select(m => m.MessageId), Is.EquivalentTo(new[] { "draft.1", "final.1" }));
        var final = d.Messages.Single(m => m.MessageId == "final.1");
        Assert.That((final.Role, final.Status, final.Recipients.Count), Is.EqualTo(("namnd", "pending", 2)));
        Assert.That(final.AttachmentSha256, Is.EqualTo(EvidenceReader.Sha256([7, 7])));
        Assert.That(final.BodySha256, Is.EqualTo(EvidenceReader.Sha256(System.Text.Encoding.UTF8.GetBytes("Hej, brödtext"))));
        Assert.That(d.IvoReports.Single().SubmittedBy, Is.EqualTo("Greta (greta)"));
        Assert.That(d.IvoReports.Single().Status, Is.EqualTo("ny"));
        Assert.That(d.DataQuality.Single(), Is.EqualTo(new EvidenceDataQuality("B-9", "unknown insats code", true)));
    }
}

[TestFixture]
public sealed class EvidenceReaderSqliteTests : EvidenceReaderTests<SqliteTestDatabase>;

[TestFixture]
public sealed class EvidenceReaderPostgresTests : EvidenceReaderTests<PostgresTestDatabase>;
