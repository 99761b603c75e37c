namespace EjVerkstallda.Worker.Web.Pages;

/// <summary>Which cards of the checklist a page shows: <c>?visa=kvar</c> (default), <c>alla</c> or <c>registrerade</c>.</summary>
public enum ChecklistFilter
{
    Kvar,
    Alla,
    Registrerade,
}

/// <summary>
/// One page of the checklist's cards under a filter. The cards keep their quarter-wide numbers (<see cref="ChecklistCard.Seq"/>);
/// only what is shown is paged: progress and "Markera alla" stay about the whole quarter.
/// </summary>
public sealed record ChecklistPage(ChecklistFilter Filter, int Number, int Count, int Total, IReadOnlyList<ChecklistCard> Cards)
{
    public static ChecklistFilter ParseFilter(string? visa) => visa switch
    {
        "alla" => ChecklistFilter.Alla,
        "registrerade" => ChecklistFilter.Registrerade,
        _ => ChecklistFilter.Kvar,
    };

    public static string Name(ChecklistFilter f) => f switch
    {
        ChecklistFilter.Alla => "alla",
        ChecklistFilter.Registrerade => "registrerade",
        _ => "kvar",
    };

    public static IEnumerable<ChecklistCard> Filtered(IEnumerable<ChecklistCard> cards, ChecklistFilter f) => f switch
    {
        ChecklistFilter.Alla => cards,
        ChecklistFilter.Registrerade => cards.Where(c => c.SubmittedAt is not null),
        _ => cards.Where(c => c.SubmittedAt is null),
    };

    /// <summary>The page asked for; a number past the end (the last cards of it marked meanwhile) shows the last page.</summary>
    public static ChecklistPage Of(Checklist list, ChecklistFilter f, int? asked, int size)
    {
        size = Math.Max(1, size);
        var shown = Filtered(list.Cards, f).ToList();
        var count = Math.Max(1, (shown.Count + size - 1) / size);
        var number = Math.Clamp(asked ?? 1, 1, count);
        return new(f, number, count, shown.Count, shown.Skip((number - 1) * size).Take(size).ToList());
    }

    /// <summary>The page (1-based) on which the card <paramref name="seq"/> is among <paramref name="shown"/>; 1 if absent.</summary>
    public static int PageOf(IReadOnlyList<ChecklistCard> shown, int seq, int size)
    {
        var i = shown.ToList().FindIndex(c => c.Seq == seq);
        return i < 0 ? 1 : i / Math.Max(1, size) + 1;
    }

    public string Link(int number) => $"?visa={Name(Filter)}&sida={number}";

    /// <summary>The query and fragment that open card <paramref name="seq"/> on page <paramref name="page"/> of filter <paramref name="f"/>.</summary>
    public static string CardHref(ChecklistFilter f, int page, int seq) => $"?visa={Name(f)}&sida={page}#r{seq}";
}
