using System.Diagnostics;
using EjVerkstallda.Infrastructure.Documents;

namespace EjVerkstallda.Infrastructure.Tests.Documents;

/// <summary>
/// Opens the tjänsteskrivelse as a reader's office suite would: LibreOffice converts it to PDF, poppler renders page 1.
/// The PNGs are left in the test output folder (documents/) for a look.
/// </summary>
public class LibreOfficeRenderingTests
{
    [Test]
    public void ConvertToPdf_SampleDocument_HasPagesAndRendersFirstPage()
    {
        var soffice = Which("libreoffice") ?? Which("soffice");
        if (soffice is null) NotAvailable("libreoffice is not installed (apt-get install -y libreoffice-writer-nogui poppler-utils)");
        var dir = Path.Combine(TestContext.CurrentContext.WorkDirectory, "documents");
        Directory.CreateDirectory(dir);
        var docx = Path.Combine(dir, "statistikrapport.docx");
        File.WriteAllBytes(docx, StatistikDocxRendererTests.Render(SampleData.SampleModel()));

        var profile = Path.Combine(Path.GetTempPath(), "ejv-lo-" + Guid.NewGuid().ToString("N"));
        try
        {
            Run(soffice!, $"-env:UserInstallation=file://{profile} --headless --convert-to pdf --outdir \"{dir}\" \"{docx}\"");
        }
        finally
        {
            if (Directory.Exists(profile)) Directory.Delete(profile, recursive: true);
        }
        var pdf = Path.ChangeExtension(docx, ".pdf");
        Assert.That(File.Exists(pdf), Is.True, "LibreOffice wrote no PDF");
        Assert.That(PageCount(pdf), Is.GreaterThan(0));

        if (Which("pdftoppm") is { } pdftoppm)
        {
            Run(pdftoppm, $"-png -r 80 -f 1 -l 1 \"{pdf}\" \"{Path.Combine(dir, "statistikrapport-sida")}\"");
            Assert.That(Directory.GetFiles(dir, "statistikrapport-sida*.png"), Is.Not.Empty);
        }
    }

    private static int PageCount(string pdf)
    {
        if (Which("pdfinfo") is { } pdfinfo)
        {
            var output = Run(pdfinfo, $"\"{pdf}\"");
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("Pages:", StringComparison.Ordinal));
            if (line is not null) return int.Parse(line["Pages:".Length..].Trim());
        }
        var bytes = File.ReadAllText(pdf, System.Text.Encoding.Latin1);
        return System.Text.RegularExpressions.Regex.Matches(bytes, @"/Type\s*/Page(?!s)").Count;
    }

    private static void NotAvailable(string why)
    {
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(why);
        Assert.Ignore(why);
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    private static string Run(string exe, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(exe, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(180)))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(exe)} did not finish within 180 s");
        }
        Assert.That(p.ExitCode, Is.Zero, $"{Path.GetFileName(exe)} failed: {stderr.Result}");
        return stdout.Result;
    }
}
