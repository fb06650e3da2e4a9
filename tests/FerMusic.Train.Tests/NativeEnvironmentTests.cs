using System.Runtime.InteropServices;

namespace FerMusic.Train.Tests;

[CollectionDefinition(nameof(NativeEnvironmentTests), DisableParallelization = true)]
public sealed class NativeEnvironmentCollection;

/// <summary>
/// The allocator settings made before libtorch loads (the module initializer applies them here too). Run alone:
/// another test's thread sharing the allocator arena could take the freed memory between two rounds.
/// </summary>
[Collection(nameof(NativeEnvironmentTests))]
public sealed class NativeEnvironmentTests
{
    private const int BlockBytes = 4 << 20;
    private const int Blocks = 8;
    private const int PageBytes = 4096;

    [Fact]
    public void Freed_native_buffers_are_reused_without_faulting_their_pages_in_again()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("mallopt and /proc/thread-self are Linux-only.");
        }
        Assert.True(NativeEnvironment.ReuseFreedNativeMemory());

        AllocateTouchAndFree();
        var fewest = Enumerable.Range(0, 4).Min(_ => AllocateTouchAndFree());

        // Unmapped or trimmed memory faults every page in again in every round: Blocks * BlockBytes / PageBytes = 8192.
        Assert.InRange(fewest, 0, Blocks * BlockBytes / PageBytes / 10);
    }

    /// <summary>Like one training batch: several large buffers alive at once, all freed at the end.</summary>
    private static long AllocateTouchAndFree()
    {
        var blocks = new nint[Blocks];
        var before = ThreadMinorFaults();
        for (var b = 0; b < Blocks; b++)
        {
            blocks[b] = Marshal.AllocHGlobal(BlockBytes);
            for (var offset = 0; offset < BlockBytes; offset += PageBytes)
            {
                Marshal.WriteByte(blocks[b], offset, 1);
            }
        }
        var faults = ThreadMinorFaults() - before;
        foreach (var block in blocks)
        {
            Marshal.FreeHGlobal(block);
        }
        return faults;
    }

    /// <summary>Field 10 (minflt) of /proc/thread-self/stat; the fields after the command name start at field 3.</summary>
    private static long ThreadMinorFaults()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[10 - 3]);
    }
}
