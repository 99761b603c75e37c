using EjVerkstallda.Infrastructure.Output;

namespace EjVerkstallda.Worker.Tests.Delivery;

/// <summary>
/// An approved quarter's underlag as the run keeps it: four reports, one of each status (ny, kvarstår, verkställd, avslutad),
/// one for manual handling (no IVO identifier), one without a reason, and a reason into which a handläggare typed a
/// personnummer. What the revisorer must and must not get is planted here.
/// </summary>
internal static class RevisorSample
{
    public const string Namnd = "socialnamnden";
    public const string PlantedPersonnummer = "19400101-1234";
    public const string IvoId = "19400101-T123";
    public const string Reason = "Brist på platser i särskilt boende";

    public static readonly string[] Ids = ["B-1001", "B-1002", "B-1003", "B-1004"];

    public static IvoUnderlag Underlag(string quarter = "2024Q1") => new(quarter, new DateOnly(2024, 3, 31), Namnd,
    [
        Entry("B-1001", "ny", "SoL", "Särskilt boende", new(2023, 11, 30)) with
        {
            IvoId = IvoId, Kon = "M", Skal = $"{Reason}; anhörig till {PlantedPersonnummer} kontaktad",
        },
        Entry("B-1002", "kvarstar", "SoL", "Kontaktperson", new(2023, 6, 1)) with
        {
            Kind = "avbrott", Avbrottsdatum = new(2023, 8, 15), Deadline = new(2023, 11, 15), Kon = "K",
        },
        Entry("B-1003", "verkstalld", "LSS", "Daglig verksamhet", new(2023, 10, 15)) with
        {
            IvoId = "19750302-T417", Verkstallighetsdatum = new(2024, 3, 10), Skal = "Väntan på plats",
        },
        Entry("B-1004", "avslutad", "SoL", "Särskilt boende", new(2023, 9, 1)) with
        {
            IvoId = "19610704-T222", Avslutsdatum = new(2024, 2, 20), Avslutsorsak = "flyttat", Skal = "Erbjudande avböjt",
        },
    ], [], []);

    private static IvoUnderlagEntry Entry(string id, string status, string lag, string insats, DateOnly beslutsdatum) => new()
    {
        BeslutId = id, Kind = "ej_verkstallt", Status = status, Late = false, Lag = lag,
        Lagrum = lag == "LSS" ? "9 § 10 LSS" : "4 kap. 1 § SoL (2001:453)", InsatsKod = "K" + id, Insats = insats,
        Beslutsdatum = beslutsdatum, Deadline = beslutsdatum.AddMonths(3), DaysSinceStart = 100,
    };
}
