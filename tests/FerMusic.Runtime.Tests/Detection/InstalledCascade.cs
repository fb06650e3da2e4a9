using FerMusic.Runtime.Detection;

namespace FerMusic.Runtime.Tests.Detection;

/// <summary>The Haar cascade from Debian's opencv-data, which scripts/install-dependencies.sh installs; a skip without it (a failure under CI).</summary>
internal static class InstalledCascade
{
    public static string Require()
    {
        try
        {
            return CascadeLocator.Resolve(null);
        }
        catch (FileNotFoundException e)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(e.Message);
            }
            Assert.Skip(e.Message);
            throw;
        }
    }
}
