using FerMusic.Core.Cli;
namespace FerMusic.Core.IO;

/// <summary>Checks an output folder before any work starts, so a bad path fails at once and not after an hour.</summary>
public static class OutputFolder
{
    /// <returns>The folder, created if it did not exist.</returns>
    /// <exception cref="ArgumentException">The path is an existing file or cannot be created.</exception>
    public static string Check(string path)
    {
        if (File.Exists(path))
        {
            throw new UserErrorException($"--out {path} is a file; give a folder (it is created if missing).");
        }
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserErrorException($"--out {path} cannot be created: {e.Message}");
        }
        return path;
    }
}
