using EjVerkstallda.Infrastructure.Tests.Mail;

namespace EjVerkstallda.Worker.Tests.Delivery;

/// <summary>The same quarter with SMTP AUTH XOAUTH2: tokens from the real test identity provider, as with Exchange Online.</summary>
public sealed partial class QuarterDeliveryTests
{
    [Test]
    public async Task Quarter_RunAndApproveWithXOAuth2_DeliversEachMessageOnceWithOneTokenPerProcess()
    {
        _world.Dispose();
        using var idp = IdpTestServer.Start();
        _world = new DeliveryWorld(idp: idp);

        var run = await _world.Ejv("run", "--quarter", "2024Q1");
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        AssertDraft(_world.ReceivedBy(DeliveryWorld.Handlaggare));

        var approve = await _world.Ejv("approve", "--quarter", "2024Q1", "--by", "Nämndsekreterare Test");
        Assert.That(approve.ExitCode, Is.Zero, approve.ToString());
        AssertFinals(_world.Received().Skip(1).ToList(), NamndRegistrator);

        Assert.That(_world.Smtp.ServerLog, Does.Contain("xoauth2 accepted").And.Not.Contain("xoauth2 refused"));
        Assert.That(idp.Issued(), Is.EqualTo(2), "one token for the run's draft, one for the approval's mail");
        foreach (var output in new[] { run.Stdout, run.Stderr, approve.Stdout, approve.Stderr })
            Assert.That(output, Does.Not.Contain(IdpTestServer.ClientSecret).And.Not.Contain("eyJ"));
    }
}
