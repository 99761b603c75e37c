using System.Data.Common;
using EjVerkstallda.Core.Beslut;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Infrastructure.Data;

namespace EjVerkstallda.Infrastructure.CaseSource;

/// <summary>
/// The read edge: one row of the candidate SELECT (columns in <see cref="ViewContract.BeslutColumns"/> order, then namnd_id) as the
/// text Core judges. Ids are trimmed here, once, so that every comparison after it sees the same id (CONTRACT section 4: a
/// blank-padded CHAR(n) id is the same id); every date column becomes the kommun's day (<see cref="CaseDateText"/>).
/// </summary>
internal static class SourceValues
{
    public static RawBeslut Row(DbDataReader reader, KommunTid tid)
    {
        string? V(int i) => ValueText.Of(reader.GetValue(i));
        string? Id(int i) => V(i) is { } s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
        string? Day(int i) => DayText(reader.GetValue(i), tid);
        return new RawBeslut
        {
            BeslutId = Id(0), PersonId = Id(1), InsatsKod = V(2), Beslutsdatum = Day(3), Verkstallighetsdatum = Day(4), Avbrottsdatum = Day(5),
            Aterupptagandedatum = Day(6), Avslutsdatum = Day(7), Avslutsorsak = V(8), Erbjudandedatum = Day(9), TackatNej = V(10),
            Fodelsedatum = Day(11), Kon = V(12), SkyddadIdentitet = V(13), Enhet = V(14), Skal = V(15), NamndId = V(16),
        };
    }

    /// <summary>A date column's value as the day it stands for; text in another form is passed on for the validator to list.</summary>
    public static string? DayText(object? value, KommunTid tid) => value switch
    {
        null or DBNull => null,
        DateTime d => CaseDateText.Of(d, tid),
        DateTimeOffset o => CaseDateText.Of(o, tid),
        DateOnly d => CaseDateText.Of(d),
        string s => CaseDateText.Of(s, tid),
        _ => ValueText.Of(value),
    };
}
