namespace EjVerkstallda.Worker.Logging;

/// <summary><c>Ejv:Logging</c>: the JSON-lines log file (one a day, 90 kept). Empty folder: no log file, the console only.</summary>
public sealed class FileLogOptions
{
    public const string Section = "Ejv:Logging";

    public string Folder { get; set; } = "";
}
