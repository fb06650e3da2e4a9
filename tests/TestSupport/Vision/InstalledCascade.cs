using FerMusic.Vision.Detection;

namespace FerMusic.Tests.Vision;

/// <summary>The Haar cascade from Debian's opencv-data, which scripts/install-dependencies.sh installs; a skip without it (a failure under CI).</summary>
public static class InstalledCascade
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
