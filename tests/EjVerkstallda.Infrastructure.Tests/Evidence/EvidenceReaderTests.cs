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
        await ledger.MarkSubmittedAsync("sn", "2024Q1", null, "Greta", CancellationToken.None);
        await new ApprovalStore(_state, clock).ApproveAsync("sn", "2024Q1", "Anna", [Message("final.1", "2024Q1", [7, 7])], CancellationToken.None);

        var d = await new EvidenceReader(_state, ledger).ReadAsync("sn", "2024Q1", CancellationToken.None);

        Assert.That(d.Runs.Select(r => (r.RunId, r.Outcome, r.Reports)), Is.EqualTo(new[] { (run1, "succeeded", (long?)1) }));
        Assert.That(d.Documents.Single().Content, Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(EvidencePack.HashMatches(d.Documents.Single()), Is.True);
        Assert.That(d.Approvals.Single().ApprovedBy, Is.EqualTo("Anna"));
        Assert.That(d.Messages.Select(m => m.MessageId), Is.EquivalentTo(new[] { "draft.1", "final.1" }));
        var final = d.Messages.Single(m => m.MessageId == "final.1");
        Assert.That((final.Role, final.Status, final.Recipients.Count), Is.EqualTo(("namnd", "pending", 2)));
        Assert.That(final.AttachmentSha256, Is.EqualTo(EvidenceReader.Sha256([7, 7])));
        Assert.That(final.BodySha256, Is.EqualTo(EvidenceReader.Sha256(System.Text.Encoding.UTF8.GetBytes("Hej, brödtext"))));
        Assert.That(d.IvoReports.Single().SubmittedBy, Is.EqualTo("Greta"));
        Assert.That(d.IvoReports.Single().Status, Is.EqualTo("ny"));
        Assert.That(d.DataQuality.Single(), Is.EqualTo(new EvidenceDataQuality("B-9", "unknown insats code", true)));
    }
}

[TestFixture]
public sealed class EvidenceReaderSqliteTests : EvidenceReaderTests<SqliteTestDatabase>;

[TestFixture]
public sealed class EvidenceReaderPostgresTests : EvidenceReaderTests<PostgresTestDatabase>;
