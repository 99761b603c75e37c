using EjVerkstallda.Infrastructure.Outbox;

namespace EjVerkstallda.Worker.Tests.Service;

/// <summary>
/// The outbox lease, its renewal and the retry-later time, in process on a real SQLite state store with a fake clock:
/// time is moved, never slept, so the second boundaries are exact (the store keeps instants to the second).
/// </summary>
[TestFixture]
public sealed class OutboxLeaseClockTests
{
    private static readonly DateTimeOffset T0 = new(2027, 1, 10, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private InProcessEjv _ejv = default!;
    private OutboxStore _outbox = default!;

    [SetUp]
    public async Task SetUp()
    {
        _ejv = await InProcessEjv.StartAsync(T0, new Dictionary<string, string?>());
        _outbox = _ejv.Get<OutboxStore>();
        await _outbox.EnqueueAsync([Message("m-1")], CancellationToken.None);
    }

    [TearDown]
    public async Task TearDown() => await _ejv.DisposeAsync();

    [Test]
    public async Task ClaimNextAsync_LeaseHeld_OtherSenderGetsItOnlyAfterTheLeaseRanOut()
    {
        var first = await _outbox.ClaimNextAsync("a", Lease, CancellationToken.None);
        _ejv.Clock.Advance(Lease); // exactly at the end of the lease: still held
        var atEnd = await _outbox.ClaimNextAsync("b", Lease, CancellationToken.None);
        _ejv.Clock.Advance(TimeSpan.FromSeconds(1));
        var after = await _outbox.ClaimNextAsync("b", Lease, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first?.Message.MessageId, Is.EqualTo("m-1"));
            Assert.That(atEnd, Is.Null, "a held lease keeps other senders off");
            Assert.That(after?.Message.MessageId, Is.EqualTo("m-1"), "a dead sender's lease runs out and another takes over");
        });
    }

    [Test]
    public async Task RenewClaimAsync_BeforeItRunsOut_KeepsOthersOffPastTheFirstLease()
    {
        await _outbox.ClaimNextAsync("a", Lease, CancellationToken.None);
        _ejv.Clock.Advance(Lease - TimeSpan.FromSeconds(10));
        var renewed = await _outbox.RenewClaimAsync("m-1", "a", Lease, CancellationToken.None);
        _ejv.Clock.Advance(TimeSpan.FromSeconds(30)); // past the first lease, within the renewed one
        var other = await _outbox.ClaimNextAsync("b", Lease, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(renewed, Is.True);
            Assert.That(other, Is.Null, "the renewal moved the end of the lease");
        });
    }

    [Test]
    public async Task RenewClaimAsync_AfterAnotherSenderTookIt_IsRefusedSoTheStalledOneDoesNotSend()
    {
        await _outbox.ClaimNextAsync("a", Lease, CancellationToken.None);
        _ejv.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var taken = await _outbox.ClaimNextAsync("b", Lease, CancellationToken.None);
        var stalled = await _outbox.RenewClaimAsync("m-1", "a", Lease, CancellationToken.None);
        var holder = await _outbox.RenewClaimAsync("m-1", "b", Lease, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(taken, Is.Not.Null);
            Assert.That(stalled, Is.False, "a sender that lost its claim is told so before it sends");
            Assert.That(holder, Is.True, "the new holder keeps it");
        });
    }

    [Test]
    public async Task MarkRetryAsync_NotDueBeforeItsTime_DueFromIt()
    {
        await _outbox.ClaimNextAsync("a", Lease, CancellationToken.None);
        await _outbox.MarkRetryAsync("m-1", "421 try later", T0 + TimeSpan.FromMinutes(5), CancellationToken.None);
        _ejv.Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var early = await _outbox.ClaimNextAsync("a", Lease, CancellationToken.None);
        _ejv.Clock.Advance(TimeSpan.FromSeconds(1));
        var due = await _outbox.ClaimNextAsync("a", Lease, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(early, Is.Null, "retried later, not at once");
            Assert.That(due?.Attempts, Is.EqualTo(1), "due at its time, with the failed attempt counted");
        });
    }

    private static OutboxMessage Message(string id) => new()
    {
        MessageId = id, Namnd = "socialnamnden", Kind = OutboxKinds.Reminder, Role = "handlaggare",
        Recipients = ["handlaggare@kommun.example"], Subject = "Påminnelse", Body = "Text",
    };
}
