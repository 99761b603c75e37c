namespace EjVerkstallda.Core.Classification;

/// <summary>What the ledger says about a case before the quarter being judged.</summary>
/// <param name="Reported">An earlier quarter reported it.</param>
/// <param name="Closed">An earlier quarter made its closing report.</param>
public readonly record struct PriorReport(bool Reported, bool Closed)
{
    public static readonly PriorReport None = new(false, false);
    public bool OwesClosingReport => Reported && !Closed;
}
