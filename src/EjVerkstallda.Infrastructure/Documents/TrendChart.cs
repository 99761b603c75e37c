using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using EjVerkstallda.Core.Statistik;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace EjVerkstallda.Infrastructure.Documents;

/// <summary>
/// A native Word bar chart of open cases per quarter: a ChartPart whose values live in the chart's own cache
/// (no embedded workbook), which Word and LibreOffice both draw.
/// </summary>
internal static class TrendChart
{
    internal const int MaxQuarters = 8;
    private const long WidthEmu = 5_760_000; // 16 cm
    private const long HeightEmu = 2_700_000; // 7.5 cm
    private const uint CategoryAxisId = 48_650_112;
    private const uint ValueAxisId = 48_672_768;

    internal static W.Paragraph Add(MainDocumentPart main, IReadOnlyList<TrendPoint> trend, string altText)
    {
        var points = trend.TakeLast(MaxQuarters).ToList();
        var chartPart = main.AddNewPart<ChartPart>();
        chartPart.ChartSpace = ChartSpace(points);
        var relId = main.GetIdOfPart(chartPart);

        var inline = new DW.Inline(
            new DW.Extent { Cx = WidthEmu, Cy = HeightEmu },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = 1U, Name = "Diagram 1", Description = altText },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = relId }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U };

        return new W.Paragraph(
            new W.ParagraphProperties(new W.KeepNext()),
            new W.Run(new W.Drawing(inline)));
    }

    /// <summary>"2026Q3" → "K3 2026".</summary>
    internal static string Label(string quarter) =>
        quarter.Length == 6 ? $"K{quarter[5]} {quarter[..4]}" : quarter;

    private static C.ChartSpace ChartSpace(IReadOnlyList<TrendPoint> points)
    {
        var space = new C.ChartSpace();
        space.AddNamespaceDeclaration("c", "http://schemas.openxmlformats.org/drawingml/2006/chart");
        space.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        space.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        space.Append(
            new C.Date1904 { Val = false },
            new C.EditingLanguage { Val = "sv-SE" },
            new C.RoundedCorners { Val = false },
            new C.Chart(
                new C.AutoTitleDeleted { Val = true },
                new C.PlotArea(new C.Layout(), BarChart(points), CategoryAxis(), ValueAxis()),
                new C.PlotVisibleOnly { Val = true },
                new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }),
            TextProperties(900));
        return space;
    }

    private static C.BarChart BarChart(IReadOnlyList<TrendPoint> points)
    {
        var n = (uint)points.Count;
        var categories = new C.StringCache(new C.PointCount { Val = n });
        var values = new C.NumberingCache(new C.FormatCode("0"), new C.PointCount { Val = n });
        for (var i = 0; i < points.Count; i++)
        {
            categories.Append(new C.StringPoint(new C.NumericValue(Label(points[i].Quarter))) { Index = (uint)i });
            values.Append(new C.NumericPoint(new C.NumericValue(points[i].Open.ToString(CultureInfo.InvariantCulture))) { Index = (uint)i });
        }

        var series = new C.BarChartSeries(
            new C.Index { Val = 0U },
            new C.Order { Val = 0U },
            new C.SeriesText(new C.StringReference(
                new C.Formula("Blad1!$B$1"),
                new C.StringCache(new C.PointCount { Val = 1U }, new C.StringPoint(new C.NumericValue("Öppna ärenden")) { Index = 0U }))),
            new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = "2F5597" })),
            new C.InvertIfNegative { Val = false },
            new C.DataLabels(
                new C.ShowLegendKey { Val = false },
                new C.ShowValue { Val = true },
                new C.ShowCategoryName { Val = false },
                new C.ShowSeriesName { Val = false },
                new C.ShowPercent { Val = false },
                new C.ShowBubbleSize { Val = false }),
            new C.CategoryAxisData(new C.StringReference(new C.Formula($"Blad1!$A$2:$A${n + 1}"), categories)),
            new C.Values(new C.NumberReference(new C.Formula($"Blad1!$B$2:$B${n + 1}"), values)));

        return new C.BarChart(
            new C.BarDirection { Val = C.BarDirectionValues.Column },
            new C.BarGrouping { Val = C.BarGroupingValues.Clustered },
            new C.VaryColors { Val = false },
            series,
            new C.GapWidth { Val = (UInt16Value)80 },
            new C.AxisId { Val = CategoryAxisId },
            new C.AxisId { Val = ValueAxisId });
    }

    private static C.CategoryAxis CategoryAxis() => new(
        new C.AxisId { Val = CategoryAxisId },
        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
        new C.Delete { Val = false },
        new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
        new C.NumberingFormat { FormatCode = "General", SourceLinked = false },
        new C.MajorTickMark { Val = C.TickMarkValues.None },
        new C.MinorTickMark { Val = C.TickMarkValues.None },
        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
        new C.CrossingAxis { Val = ValueAxisId },
        new C.Crosses { Val = C.CrossesValues.AutoZero },
        new C.AutoLabeled { Val = true },
        new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
        new C.LabelOffset { Val = (UInt16Value)100 },
        new C.NoMultiLevelLabels { Val = false });

    private static C.ValueAxis ValueAxis() => new(
        new C.AxisId { Val = ValueAxisId },
        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }, new C.MinAxisValue { Val = 0 }),
        new C.Delete { Val = false },
        new C.AxisPosition { Val = C.AxisPositionValues.Left },
        new C.MajorGridlines(new C.ChartShapeProperties(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = "D9D9D9" })))),
        new C.NumberingFormat { FormatCode = "0", SourceLinked = false },
        new C.MajorTickMark { Val = C.TickMarkValues.None },
        new C.MinorTickMark { Val = C.TickMarkValues.None },
        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
        new C.CrossingAxis { Val = CategoryAxisId },
        new C.Crosses { Val = C.CrossesValues.AutoZero },
        new C.CrossBetween { Val = C.CrossBetweenValues.Between });

    private static C.TextProperties TextProperties(int size) => new(
        new A.BodyProperties(),
        new A.ListStyle(),
        new A.Paragraph(
            new A.ParagraphProperties(new A.DefaultRunProperties(new A.LatinFont { Typeface = WordStyles.Font }) { FontSize = size }),
            new A.EndParagraphRunProperties { Language = "sv-SE" }));
}
