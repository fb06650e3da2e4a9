namespace FerMusic.Core.Fer2013;

/// <summary>A FER2013 file that does not have the expected layout, with the file and line at fault.</summary>
public sealed class Fer2013FormatException(string file, long line, string problem)
    : Cli.UserErrorException($"{file}:{line}: {problem}")
{
    public string File { get; } = file;

    public long Line { get; } = line;

    public string Problem { get; } = problem;
}
