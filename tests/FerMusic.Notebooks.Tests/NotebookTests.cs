using FerMusic.Tests;

namespace FerMusic.Notebooks.Tests;

/// <summary>Every notebook in notebooks/ runs from top to bottom without an error.</summary>
public sealed class NotebookTests
{
    public static TheoryData<string> Notebooks() => new(
        Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot(), "notebooks"), "*.ipynb").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Runs_without_errors(string notebook)
    {
        var path = Path.Combine(SharedData.RepositoryRoot(), "notebooks", notebook);

        // FERMUSIC_NOTEBOOK_OUTPUT=<folder> keeps what each notebook displayed, as HTML.
        var outputFolder = Environment.GetEnvironmentVariable("FERMUSIC_NOTEBOOK_OUTPUT");
        var html = string.IsNullOrEmpty(outputFolder) ? null : Path.Combine(outputFolder, Path.ChangeExtension(notebook, ".html"));

        var failures = await NotebookRunner.RunAsync(path, TestContext.Current.CancellationToken, html);

        Assert.True(failures.Count == 0, string.Join("\n", failures.Select(f => $"{notebook} cell {f.Cell}: {f.Message}")));
    }
}
