namespace EjVerkstallda.Infrastructure.Output;

/// <summary>The file names of a run's outputs (CONTRACT.md section 3).</summary>
public static class OutputNames
{
    public const string IvoUnderlagJson = "ivo-underlag.json";
    public const string IvoUnderlagXlsx = "ivo-underlag.xlsx";
    public const string StatistikJson = "statistikrapport.json";
    public const string StatistikDocx = "statistikrapport.docx";

    /// <summary>The sub-folder of a quarter's folder that holds a dry run's preview.</summary>
    public const string DryRunFolder = "dry-run";
}
