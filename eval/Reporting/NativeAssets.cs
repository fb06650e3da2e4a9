using System.Runtime.InteropServices;

namespace FerMusic.Eval.Reporting;

/// <summary>
/// Outside its own program (in a notebook kernel, say) .NET does not look for SkiaSharp's native libraries in
/// this assembly's <c>runtimes/&lt;rid&gt;/native</c> folder. This points SkiaSharp and HarfBuzzSharp at them.
/// </summary>
public static class NativeAssets
{
    private static bool _done;

    public static void UseBundledSkia()
    {
        if (_done)
        {
            return;
        }
        _done = true;
        var folder = Path.Combine(Path.GetDirectoryName(typeof(NativeAssets).Assembly.Location)!, "runtimes", RuntimeInformation.RuntimeIdentifier, "native");
        if (!Directory.Exists(folder))
        {
            folder = Path.Combine(Path.GetDirectoryName(typeof(NativeAssets).Assembly.Location)!, "runtimes", "linux-x64", "native");
        }
        foreach (var assembly in new[] { typeof(SkiaSharp.SKImage).Assembly, typeof(HarfBuzzSharp.Blob).Assembly })
        {
            NativeLibrary.SetDllImportResolver(assembly, (name, _, _) => Resolve(folder, name));
        }
    }

    private static IntPtr Resolve(string folder, string name)
    {
        var file = Path.Combine(folder, name.EndsWith(".so", StringComparison.Ordinal) ? name : name + ".so");
        return File.Exists(file) ? NativeLibrary.Load(file) : IntPtr.Zero;
    }

    /// <summary>A plot as a PNG data URI, for an &lt;img&gt; in a notebook or page.</summary>
    public static string DataUri(ScottPlot.Plot plot, int width, int height) =>
        "data:image/png;base64," + Convert.ToBase64String(plot.GetImageBytes(width, height, ScottPlot.ImageFormat.Png));
}
