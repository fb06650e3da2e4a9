namespace FerMusic.Tests;

/// <summary>
/// Finds the third-party data kept beside the repository in ../shared (or where FERMUSIC_SHARED points).
/// Tests that need it skip with a message when it is absent; under CI (CI=true) its absence is a failure.
/// </summary>
public static class SharedData
{
    public static string Root { get; } = Environment.GetEnvironmentVariable("FERMUSIC_SHARED")
        ?? Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared"));

    public static string Fer2013 => Path.Combine(Root, "data", "fer2013", "fer2013.csv.gz");

    /// <summary>The path of a shared file, or a skip (a failure under CI) when it is absent.</summary>
    public static string Require(string path)
    {
        if (File.Exists(path))
        {
            return path;
        }
        Missing($"{path} is absent: this test needs the shared data (see data/README.md), or FERMUSIC_SHARED pointing to it.");
        return path;
    }

    /// <summary>Skips the test for a missing prerequisite, or fails it under CI (CI=true), where everything must be there.</summary>
    public static void Missing(string message)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }
        Assert.Skip(message);
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FerMusic.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException($"FerMusic.sln not found above {AppContext.BaseDirectory}.");
    }
}
