namespace EjVerkstallda.Core.Statistik;

public sealed record StatistikOptions
{
    public static readonly StatistikOptions Default = new();

    /// <summary>Lower bounds, in whole months since the beslut or avbrott, of the elapsed-time bands.</summary>
    public IReadOnlyList<int> BandStartMonths { get; init; } = [3, 6, 12, 24];

    /// <summary>k: every cell of an optional breakdown (kön) must reach this count or the breakdown is left out.</summary>
    public int MinCellSize { get; init; } = 3;

    /// <summary>The kommun's approved public names, code → name (see <see cref="PublicInsatsNamn"/>); empty: none approved.</summary>
    public IReadOnlyDictionary<string, string> InsatsNamn { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyList<string> BandLabels()
    {
        var labels = new List<string>();
        for (var i = 0; i < BandStartMonths.Count; i++)
        {
            var from = BandStartMonths[i];
            labels.Add(i + 1 < BandStartMonths.Count
                ? $"{from}–{BandStartMonths[i + 1] - 1} mån"
                : $"{from} mån eller mer");
        }
        return labels;
    }

    public int BandOf(int months)
    {
        var band = 0;
        for (var i = 0; i < BandStartMonths.Count; i++)
            if (months >= BandStartMonths[i]) band = i;
        return band;
    }
}
