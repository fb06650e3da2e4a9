using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using Microsoft.DotNet.Interactive.Events;

namespace FerMusic.Notebooks.Tests;

/// <summary>Executes a notebook's C# cells in order in a fresh C# kernel, as an editor would, and collects failures.</summary>
public static class NotebookRunner
{
    public sealed record CellFailure(int Cell, string Message);

    /// <param name="htmlOutput">When set, every displayed value is also written into this HTML file, to look at.</param>
    public static async Task<IReadOnlyList<CellFailure>> RunAsync(string path, CancellationToken cancellation, string? htmlOutput = null)
    {
        var html = new System.Text.StringBuilder($"<html><body><h1>{Path.GetFileName(path)}</h1>");
        var kernels = new KernelInfoCollection { new("csharp", languageName: "C#", aliases: ["c#", "C#"]) };
        kernels.DefaultKernelName = "csharp";
        var document = Notebook.Parse(await File.ReadAllTextAsync(path, cancellation), kernels);
        using var kernel = new CSharpKernel().UseKernelHelpers().UseValueSharing();
        var failures = new List<CellFailure>();
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        try
        {
            var index = 0;
            foreach (var cell in document.Elements)
            {
                index++;
                if (cell.KernelName is not ("csharp" or null) || string.IsNullOrWhiteSpace(cell.Contents))
                {
                    continue;
                }
                var result = await kernel.SendAsync(new SubmitCode(cell.Contents), cancellation);
                foreach (var e in result.Events)
                {
                    if (e is CommandFailed failed)
                    {
                        failures.Add(new CellFailure(index, failed.Exception?.ToString() ?? failed.Message));
                    }
                    else if (e is ErrorProduced error)
                    {
                        failures.Add(new CellFailure(index, error.Message));
                    }
                    else if (e is DisplayEvent shown)
                    {
                        var value = shown.FormattedValues.FirstOrDefault(v => v.MimeType == "text/html") ?? shown.FormattedValues.FirstOrDefault();
                        html.Append("<div>").Append(value?.Value).Append("</div>");
                    }
                }
                if (failures.Count > 0)
                {
                    break;
                }
            }
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
        if (htmlOutput is not null)
        {
            await File.WriteAllTextAsync(htmlOutput, html.Append("</body></html>").ToString(), cancellation);
        }
        return failures;
    }
}
