using EjVerkstallda.Infrastructure.Mail;
using EjVerkstallda.Infrastructure.Outbox;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Infrastructure.Tests.Mail;
using EjVerkstallda.Infrastructure.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace EjVerkstallda.Infrastructure.Tests.Outbox;

/// <summary>
/// The dispatcher over a real SQLite state store and the real pickup-folder sender: a message that cannot be built is
/// failed with its reason and an alert, and the messages behind it still go out (defect 13 of issue 10).
/// </summary>
[TestFixture]
public sealed class OutboxDispatcherTests
{
    private SqliteTestDatabase _db = default!;
    private OutboxStore _store = default!;
    private string _pickup = default!;

    [SetUp]
    public async Task SetUp()
    {
        _db = new SqliteTestDatabase();
        await _db.CreateAsync();
        var state = new StateDb(_db.Dialect, _db.ConnectionString);
        await state.InitAsync(CancellationToken.None);
        _store = new OutboxStore(state, TimeProvider.System);
        _pickup = Directory.CreateTempSubdirectory("ejv-dispatch-").FullName;
    }

    [TearDown]
    public async Task TearDown()
    {
        Directory.Delete(_pickup, recursive: true);
        await _db.DisposeAsync();
    }

    private static OutboxMessage Message(string id, string subject, string kind = OutboxKinds.Draft) => new()
    {
        MessageId = id, Namnd = "socialnamnden", Quarter = "2024Q1", Kind = kind, Role = "handlaggare",
        Recipients = ["handlaggare@exempelkommun.example"], Subject = subject, Body = "Hej",
    };

    private OutboxDispatcher Dispatcher() => new(
        _store,
        new PickupFolderMailSender(_pickup, new CapturingLogger<PickupFolderMailSender>()),
        ResiliencePipeline.Empty,
        new OutboxDispatchOptions
        {
            From = "ejv@exempelkommun.example",
            AlertFor = failed => Message("alert-for-the-failed-message", "EjVerkställda: e-mail not delivered", OutboxKinds.Alert),
        },
        TimeProvider.System,
        NullLogger<OutboxDispatcher>.Instance);

    [TestCase("draft-crlf", "Utkast: ej verkställda beslut – Social\r\nnämnden", TestName = "DispatchAsync_SubjectWithCrLf_FailedWithReasonAlertAndNextSent")]
    [TestCase("draft id with spaces", "Utkast", TestName = "DispatchAsync_MessageIdThatCannotBeBuilt_FailedWithReasonAlertAndNextSent")]
    public async Task DispatchAsync_MessageThatCannotBeBuilt_FailedWithReasonAlertAndNextSent(string badId, string subject)
    {
        // Same created_at, so the id orders the queue: the bad message sorts first (' ' and 'c' before 'g').
        await _store.EnqueueAsync([Message(badId, subject), Message("draft-good", "Utkast: ej verkställda beslut")], CancellationToken.None);

        var result = await Dispatcher().DispatchAsync(CancellationToken.None);

        var rows = (await _store.ListAsync("socialnamnden", CancellationToken.None)).ToDictionary(r => r.MessageId);
        Assert.That((rows[badId].Status, rows[badId].Attempts), Is.EqualTo((OutboxStatus.Failed, 1L)));
        Assert.That(rows[badId].LastError, Does.Contain("cannot be built"));
        Assert.That(rows["draft-good"].Status, Is.EqualTo(OutboxStatus.Sent), "the next message is not held up");
        Assert.That(rows["alert-for-the-failed-message"].Status, Is.EqualTo(OutboxStatus.Sent), "the administrator is alerted");
        Assert.That(result, Is.EqualTo(new DispatchResult(Sent: 2, RetryLater: 0, Failed: 1)));
        Assert.That(File.Exists(Path.Combine(_pickup, "draft-good.eml")), Is.True);
    }
}
