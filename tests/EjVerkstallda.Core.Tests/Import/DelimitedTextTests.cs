using EjVerkstallda.Core.Import;

namespace EjVerkstallda.Core.Tests.Import;

[TestFixture]
public sealed class DelimitedTextTests
{
    [TestCase("a;b;c\r\n1;2;3\r\n", TestName = "Parse_SemicolonsAndCrLf_AsSwedishExcelWrites")]
    [TestCase("\uFEFFa,b,c\n1,2,3\n", TestName = "Parse_CommasWithBom_AsCsvUtf8Writes")]
    [TestCase("a;b;c\n1;2;3", TestName = "Parse_NoFinalNewline")]
    public void Parse_DetectsTheSeparatorFromTheHeader(string text)
    {
        var t = DelimitedText.Parse(text);
        Assert.That(t.Header, Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(t.Lines.Single().Cells, Is.EqualTo(new[] { "1", "2", "3" }));
        Assert.That(t.Lines.Single().Number, Is.EqualTo(2));
    }

    [Test]
    public void Parse_QuotedFieldsAndBlankLines_KeepTheFileLineNumbers()
    {
        var t = DelimitedText.Parse("a;b\n\n\"x;y\";\"say \"\"hi\"\"\"\n\"two\nlines\";z\n ; \nlast;1\n");
        Assert.That(t.Lines.Select(l => (l.Number, string.Join("|", l.Cells))),
            Is.EqualTo(new[] { (3, "x;y|say \"hi\""), (4, "two\nlines|z"), (7, "last|1") }));
    }

    [Test]
    public void Parse_CommaInsideASemicolonFile_StaysInTheCell()
    {
        var t = DelimitedText.Parse("a;b\n1,5;2\n");
        Assert.That(t.Lines[0].Cells, Is.EqualTo(new[] { "1,5", "2" }));
    }

    [Test]
    public void Parse_Empty_GivesNoHeader() => Assert.That(DelimitedText.Parse("\uFEFF\n\n").Header, Is.Empty);
}
