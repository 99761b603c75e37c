using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using EjVerkstallda.Core.Statistik;
using static EjVerkstallda.Infrastructure.Documents.WordElements;

namespace EjVerkstallda.Infrastructure.Documents;

/// <summary>
/// Writes <c>statistikrapport.docx</c>: the tjänsteskrivelse to kommunfullmäktige, in the usual shape (Förslag till beslut,
/// Sammanfattning, Ärendebeskrivning, four tables, Bedömning with a chart, Ekonomiska konsekvenser, Jämställdhetsanalys,
/// Beslutsunderlag, signatures, Sändlista). It reads only the anonymised <see cref="StatistikRapport"/> and the options.
/// </summary>
public static class StatistikDocxRenderer
{
    public static byte[] Render(StatistikRapport rapport, TjansteskrivelseOptions options, DateOnly upprattad)
    {
        ArgumentNullException.ThrowIfNull(rapport);
        ArgumentNullException.ThrowIfNull(options);
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = WordStyles.Create();
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
                new DefaultTabStop { Val = 1304 },
                new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
                new ThemeFontLanguages { Val = "sv-SE" });
            var header = main.AddNewPart<HeaderPart>();
            header.Header = PageHeader(rapport, options, upprattad);
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = PageFooter();

            var body = new Body();
            body.Append(Content(main, rapport, options, upprattad));
            body.Append(Section(main.GetIdOfPart(header), main.GetIdOfPart(footer)));
            main.Document = new Document(body);
            doc.PackageProperties.Title = Core.Beslut.PrintableText.ForDocument(StatistikTexts.Fill(options.TitelMall, rapport, upprattad));
            doc.PackageProperties.Language = "sv-SE";
        }
        return stream.ToArray();
    }

    private static IEnumerable<OpenXmlElement> Content(MainDocumentPart main, StatistikRapport m, TjansteskrivelseOptions o, DateOnly upprattad)
    {
        string Fill(string t) => StatistikTexts.Fill(t, m, upprattad);
        return Front(m, o, upprattad, Fill)
            .Concat(Tables(m, o, Fill))
            .Concat(Assessment(main, m, o, Fill))
            .Concat(Closing(m, o, Fill));
    }

    /// <summary>Upprättad, diarienummer, title, Förslag till beslut, Sammanfattning, Ärendebeskrivning.</summary>
    private static IEnumerable<OpenXmlElement> Front(StatistikRapport m, TjansteskrivelseOptions o, DateOnly upprattad, Func<string, string> fill)
    {
        yield return Para($"Upprättad: {StatistikTexts.Date(upprattad)}", "Metadata");
        yield return Para($"Diarienummer: {fill(o.DiarienummerFor(m.Quarter))}", "Metadata");
        yield return Para(m.NamndNamn, "Metadata", bold: true);
        yield return Para(o.Forvaltning, "Metadata");
        yield return Para(fill(o.TitelMall), "Title");

        yield return Heading("Förslag till beslut", 1);
        var points = o.EffectiveForslag;
        for (var i = 0; i < points.Count; i++) yield return Para($"{i + 1}. {fill(points[i])}");

        yield return Heading("Sammanfattning", 1);
        if (o.SammanfattningIntro is not null) yield return Para(fill(o.SammanfattningIntro));
        foreach (var p in StatistikTexts.Sammanfattning(m)) yield return Para(p);

        yield return Heading("Ärendebeskrivning", 1);
        var arende = o.ArendebeskrivningText is null ? StatistikTexts.Arendebeskrivning(m, m.MinCellSize) : [fill(o.ArendebeskrivningText)];
        foreach (var p in arende) yield return Para(p);
    }

    private static IEnumerable<OpenXmlElement> Tables(StatistikRapport m, TjansteskrivelseOptions o, Func<string, string> fill)
    {
        yield return Heading("Ej verkställda beslut och avbrott", 1);
        yield return Para(o.TabellerIntro is null ? StatistikTexts.TabellerIntro(m) : fill(o.TabellerIntro));
        foreach (var section in m.Sektioner)
            foreach (var e in SectionTable(m, section)) yield return e;
    }

    /// <summary>Bedömning with the trend chart, Ekonomiska konsekvenser, Jämställdhetsanalys.</summary>
    private static IEnumerable<OpenXmlElement> Assessment(MainDocumentPart main, StatistikRapport m, TjansteskrivelseOptions o, Func<string, string> fill)
    {
        yield return Heading("Bedömning", 1);
        if (o.BedomningIntro is not null) yield return Para(fill(o.BedomningIntro));
        foreach (var p in StatistikTexts.Bedomning(m)) yield return Para(p);
        yield return TrendChart.Add(main, m.Trend, StatistikTexts.ChartAltText(m));
        yield return Para(StatistikTexts.ChartCaption, "Caption");

        yield return Heading("Ekonomiska konsekvenser", 1);
        yield return Para(o.EkonomiskaKonsekvenserText is null ? StatistikTexts.EkonomiskaKonsekvenser : fill(o.EkonomiskaKonsekvenserText));

        yield return Heading("Jämställdhetsanalys", 1);
        yield return Para(StatistikTexts.Jamstalldhet(m));
        yield return Para(fill(o.JamstalldhetText));
    }

    /// <summary>Beslutsunderlag, signatures, Sändlista.</summary>
    private static IEnumerable<OpenXmlElement> Closing(StatistikRapport m, TjansteskrivelseOptions o, Func<string, string> fill)
    {
        yield return Heading("Beslutsunderlag", 1);
        var underlag = o.EffectiveBeslutsunderlag;
        for (var i = 0; i < underlag.Count; i++) yield return Para($"{i + 1}. {fill(underlag[i])}");

        foreach (var s in o.EffectiveSignaturer)
        {
            var name = Para(s.Namn, keepNext: true);
            name.ParagraphProperties!.Append(new SpacingBetweenLines { Before = "480", After = "0" });
            yield return name;
            yield return Para(s.Titel);
        }

        yield return Heading("Sändlista", 1);
        foreach (var r in o.EffectiveSandlista) yield return Para(r);
    }

    private static IEnumerable<OpenXmlElement> SectionTable(StatistikRapport m, StatistikSektion s)
    {
        yield return Heading(StatistikTexts.SectionTitle(s), 2);
        if (s.Rader.Count == 0)
        {
            yield return Para("Inga beslut att rapportera.");
            yield break;
        }
        var headers = new List<string> { "Typ av insats" };
        headers.AddRange(m.Bands);
        headers.Add("Totalt");
        var numberWidth = 1250;
        var widths = new List<int> { TextWidthTwips - numberWidth * (m.Bands.Count + 1) };
        widths.AddRange(Enumerable.Repeat(numberWidth, m.Bands.Count + 1));
        var rows = s.Rader.Select(r => (IReadOnlyList<string>)[r.Insats, .. r.PerBand.Select(N), N(r.Antal)]);
        var sums = Enumerable.Range(0, m.Bands.Count).Select(i => N(s.Rader.Sum(r => i < r.PerBand.Count ? r.PerBand[i] : 0)));
        yield return Table(headers, rows, widths, firstNumericColumn: 1, sumRow: ["Summa", .. sums, N(s.Antal)]);
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static Header PageHeader(StatistikRapport m, TjansteskrivelseOptions o, DateOnly upprattad) => new(
        new Paragraph(
            new ParagraphProperties(
                new ParagraphStyleId { Val = "Header" },
                new Tabs(new TabStop { Val = TabStopValues.Right, Position = TextWidthTwips })),
            TextRun(m.NamndNamn),
            new Run(new TabChar()),
            TextRun($"Tjänsteskrivelse, dnr {StatistikTexts.Fill(o.DiarienummerFor(m.Quarter), m, upprattad)}")));

    private static Footer PageFooter()
    {
        var p = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }, new Justification { Val = JustificationValues.Center }));
        p.Append(TextRun("Sida "));
        p.Append(Field("PAGE", "1"));
        p.Append(TextRun(" av "));
        p.Append(Field("NUMPAGES", "1"));
        return new Footer(p);
    }

    private static SectionProperties Section(string headerId, string footerId) => new(
        new HeaderReference { Type = HeaderFooterValues.Default, Id = headerId },
        new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
        new PageSize { Width = 11906U, Height = 16838U },
        new PageMargin { Top = 1417, Right = 1417U, Bottom = 1417, Left = 1417U, Header = 708U, Footer = 708U, Gutter = 0U },
        new Columns { Space = "708" },
        new DocGrid { LinePitch = 360 });
}
