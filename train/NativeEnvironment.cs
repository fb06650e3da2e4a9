using System.Runtime.InteropServices;

namespace FerMusic.Train;

/// <summary>Settings libtorch reads from the process environment when it loads.</summary>
public static partial class NativeEnvironment
{
    /// <summary>
    /// libtorch's OpenMP threads spin while waiting, which on a busy 2-core machine cut training from about 500
    /// to 60 images/s. OMP_WAIT_POLICY=PASSIVE stops that, but OpenMP reads the C environment, which .NET's
    /// Environment.SetEnvironmentVariable does not change: so call libc setenv, before libtorch is loaded.
    /// A value set by the user is kept.
    /// </summary>
    public static void PreferPassiveOpenMpWaiting()
    {
        if (!OperatingSystem.IsWindows() && Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is null)
        {
            _ = setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
            Environment.SetEnvironmentVariable("OMP_WAIT_POLICY", "PASSIVE");
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);
}
