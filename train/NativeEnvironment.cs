using System.Runtime.InteropServices;

namespace FerMusic.Train;

/// <summary>Settings of the native runtime that libtorch reads when it loads or relies on while it runs.</summary>
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

    /// <summary>
    /// glibc serves large allocations with mmap and unmaps them when freed, and libtorch frees every activation and
    /// gradient buffer (megabytes each) after each batch: the next batch then faults all those pages in again, which
    /// halved training speed. A fixed mmap threshold at its maximum (32 MB) and a high trim threshold keep freed
    /// buffers in the heap for reuse. Returns whether the allocator accepted both settings (glibc on Linux only).
    /// </summary>
    public static bool ReuseFreedNativeMemory()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        try
        {
            return mallopt(MmapThreshold, 32 << 20) == 1 && mallopt(TrimThreshold, 1 << 30) == 1;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    private const int TrimThreshold = -1;
    private const int MmapThreshold = -3;

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);

    [LibraryImport("libc")]
    private static partial int mallopt(int parameter, int value);
}
