using System.IO.Compression;
using System.Text.RegularExpressions;
using EjVerkstallda.Infrastructure.Tests.Mail;

namespace EjVerkstallda.Worker.Tests.Delivery;

/// <summary>
/// A whole quarter through the real SMTP relay, as the municipality lives it: the run sends the draft to the handläggare,
/// the reports are entered at IVO, the approval sends the statistikrapport to the nämnd (once, however often it is approved;
/// fullmäktige and revisorer get it after the nämnd's decision: <see cref="QuarterLifecycleTests"/>), and a reported case
/// verkställd later causes exactly one closing-report reminder.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class QuarterDeliveryTests
{
    private DeliveryWorld _world = default!;

    [SetUp]
    public void SetUp() => _world = new DeliveryWorld();

    [TearDown]
    public void TearDown() => _world.Dispose();

    [Test]
    public async Task Quarter_RunSubmitApproveRemind_DeliversEachMessageOnce()
    {
        var run = await _world.Ejv("run", "--quarter", "2024Q1");
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        AssertDraft(_world.ReceivedBy(DeliveryWorld.Handlaggare));

        var submitted = await _world.Ejv("ivo", "submitted", "--quarter", "2024Q1", "--all", "--by", "Handläggare Test");
        Assert.That(submitted.ExitCode, Is.Zero, submitted.ToString());
        Assert.That(submitted.Stdout, Does.Contain("3 report(s) marked"));

        var approve = await _world.Ejv("approve", "--quarter", "2024Q1", "--by", "Nämndsekreterare Test");
        Assert.That(approve.ExitCode, Is.Zero, approve.ToString());
        AssertFinals(_world.Received().Skip(1).ToList(), NamndRegistrator);

        var again = await _world.Ejv("approve", "--quarter", "2024Q1", "--by", "Någon Annan");
        Assert.That(again.ExitCode, Is.Zero, again.ToString());
        Assert.That(again.Stdout, Does.Contain("already approved"));
        Assert.That(_world.Received(), Has.Count.EqualTo(2), "approving again sends nothing");

        _world.Cases.Execute("UPDATE ejv_beslut SET verkstallighetsdatum = '2024-05-02' WHERE beslut_id = 'B-1002'");
        var remind = await _world.Ejv("remind");
        Assert.That(remind.ExitCode, Is.Zero, remind.ToString());
        var reminders = _world.Received().Skip(2).ToList();
        Assert.That(reminders, Has.Count.EqualTo(1), remind.ToString());
        Assert.That(reminders[0].DecodedHeader("Subject"), Does.StartWith("Återrapportering till IVO: beslut B-1002"));
        Assert.That(reminders[0].Header("To"), Does.Contain(DeliveryWorld.Handlaggare));
        AssertNothingConfidential(DeliveryWorld.Body(reminders[0]));

        var remindAgain = await _world.Ejv("remind");
        Assert.That(remindAgain.ExitCode, Is.Zero, remindAgain.ToString());
        Assert.That(_world.Received(), Has.Count.EqualTo(3), "a reminder is sent once");
    }

    private static void AssertDraft(IReadOnlyList<MimeEntity> drafts)
    {
        Assert.That(drafts, Has.Count.EqualTo(1));
        var draft = drafts[0];
        Assert.That(draft.DecodedHeader("Subject"), Is.EqualTo("Utkast: ej verkställda beslut kvartal 1 2024 – Socialnämnden"));
        var body = DeliveryWorld.Body(draft);
        Assert.That(body, Does.Contain("Rapporter till IVO och revisorerna detta kvartal: 3"));
        Assert.That(body, Does.Contain("Nya:                          3"));
        Assert.That(body, Does.Contain("Per lag: SoL 2, LSS 1"));
        AssertNothingConfidential(body);
        AssertDocx(draft);
    }

    private const string NamndRegistrator = "registrator.socialnamnden@exempelkommun.example";

    private static void AssertFinals(IReadOnlyList<MimeEntity> finals, params string[] expected)
    {
        Assert.That(finals, Has.Count.EqualTo(expected.Length));
        Assert.That(finals.Select(f => f.Header("To")!.Trim('<', '>')), Is.EquivalentTo(expected));
        foreach (var f in finals)
        {
            Assert.That(f.DecodedHeader("Subject"), Does.StartWith("Rapportering av ej verkställda gynnande beslut, kvartal 1 2024 – Socialnämnden"));
            var body = DeliveryWorld.Body(f);
            Assert.That(body, Does.Contain("var 3 beslut inte verkställda inom tre månader: 2 enligt SoL och 1 enligt LSS"));
            Assert.That(body, Does.Not.Contain("B-100"), "no case ids in a public e-mail");
            AssertNothingConfidential(body);
            AssertDocx(f);
        }
    }

    private static void AssertDocx(MimeEntity mail)
    {
        var docx = DeliveryWorld.Attachments(mail).Single();
        Assert.That(docx.FileName, Is.EqualTo("Statistikrapport kvartal 1 2024 – Socialnämnden.docx"));
        using var zip = new ZipArchive(new MemoryStream(docx.DecodedBody()));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = reader.ReadToEnd();
        // The patterns run over what a reader sees (the w:t runs): the markup holds GUIDs and sizes whose digits can look like a personnummer.
        var text = string.Join("\n", System.Xml.Linq.XDocument.Parse(xml).Descendants().Where(e => e.Name.LocalName == "t").Select(e => e.Value));
        Assert.That(text, Does.Contain("Socialnämnden"));
        AssertNothingConfidential(text);
        foreach (var word in DeliveryWorld.PlantedSkal.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3))
            Assert.That(xml, Does.Not.Contain(word), "free text from the case system in the document's markup");
    }

    /// <summary>No IVO identifier, no personnummer-like string, nothing of the planted free text.</summary>
    public static void AssertNothingConfidential(string text)
    {
        Assert.That(IvoIdPattern().IsMatch(text), Is.False, "an IVO identifier");
        Assert.That(PersonnummerPattern().IsMatch(text), Is.False, "a personnummer-like string");
        foreach (var word in DeliveryWorld.PlantedSkal.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3))
            Assert.That(text, Does.Not.Contain(word), "free text from the case system");
    }

    [GeneratedRegex(@"\d{8}-T[F\d]\d\d")]
    private static partial Regex IvoIdPattern();

    [GeneratedRegex(@"(?<!\d)(\d{2})?\d{6}[-+]?\d{4}(?!\d)")]
    private static partial Regex PersonnummerPattern();
}
