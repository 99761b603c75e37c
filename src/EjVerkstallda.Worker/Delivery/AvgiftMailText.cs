using System.Text;
using EjVerkstallda.Core.Avgift;
using EjVerkstallda.Infrastructure.Documents;
using EjVerkstallda.Infrastructure.Output;

namespace EjVerkstallda.Worker.Delivery;

/// <summary>
/// The draft's short section on the särskild avgift risk: counts only (the draft goes to the handläggare, but the beslut ids
/// stay in the underlag's sheet, not in a mail body). Nothing when no case is open.
/// </summary>
public static class AvgiftMailText
{
    public static void Append(StringBuilder sb, AvgiftRiskEntry? risk)
    {
        ArgumentNullException.ThrowIfNull(sb);
        if (risk is null || risk.Open == 0) return;
        var lower = AvgiftsIntervall.For(Core.Beslut.Lag.SoL, AvgiftsIntervall.HogreFran.AddDays(-1)).Text;
        var higher = AvgiftsIntervall.For(Core.Beslut.Lag.SoL, AvgiftsIntervall.HogreFran).Text;
        sb.AppendLine($"Risk för särskild avgift: {risk.Open} öppna ärenden, räknat i hela månader från beslut eller avbrott till skäringsdagen");
        sb.AppendLine($"  {AvgiftEtiketter.Band(AlderBand.Fran6),-22}{risk.From6Months}");
        sb.AppendLine($"  {AvgiftEtiketter.Band(AlderBand.Fran12),-22}{risk.From12Months}");
        sb.AppendLine($"  {AvgiftEtiketter.Band(AlderBand.Fran18),-22}{risk.From18Months}");
        sb.AppendLine($"  Varav inom sex månader från två år: {risk.NearTwoYears}, mer än två år: {risk.PastTwoYears}");
        sb.AppendLine("IVO kan ansöka om särskild avgift när ett beslut inte verkställs inom skälig tid; ansökan ska delges inom två år");
        sb.AppendLine($"från beslutet eller avbrottet. Avgiften är {lower} för beslut före {AvgiftsIntervall.HogreFran:yyyy-MM-dd} och {higher} för beslut");
        sb.AppendLine($"från och med den dagen. Ärendena finns på bladet \"{IvoUnderlagXlsxRenderer.AvgiftSheet}\" i ivo-underlag.xlsx.").AppendLine();
    }
}
