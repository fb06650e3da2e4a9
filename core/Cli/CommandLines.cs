namespace FerMusic.Core.Cli;

public static class CommandLines
{
    /// <summary>The command that repeats this invocation from the repository root, for reports and model cards.</summary>
    public static string Reproduce(string project) =>
        $"dotnet run --project {project} -c Release -- " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1));
}
