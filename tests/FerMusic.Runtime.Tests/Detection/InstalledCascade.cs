using FerMusic.Runtime.Detection;
using FerMusic.Tests;

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
            SharedData.Missing(e.Message);
            throw;
        }
    }
}
