using System.Runtime.CompilerServices;

namespace FerMusic.Train.Tests;

internal static class TestSetup
{
    [ModuleInitializer]
    internal static void BeforeLibtorchLoads()
    {
        NativeEnvironment.PreferPassiveOpenMpWaiting();
        NativeEnvironment.ReuseFreedNativeMemory();
    }
}
