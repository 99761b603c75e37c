using System.Globalization;

namespace EjVerkstallda.Bench.Web;

/// <summary>
/// One page's timed requests: median, 95th percentile (nearest rank), max and min, the service's CPU time per request
/// (user + system: barely moved by the other processes sharing the cores, unlike the wall times) and the size of its answer.
/// </summary>
public sealed record PageTiming(string Page, IReadOnlyList<double> Ms, long Bytes, double CpuMs, double PeakRssMb)
{
    public double Percentile(double p)
    {
        var sorted = Ms.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Page} | {Percentile(50):F1} | {Percentile(95):F1} | {Ms.Max():F1} | {Ms.Min():F1} | {CpuMs:F0} | {Bytes / 1024.0:F1} |");
}
