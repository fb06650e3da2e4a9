using System.Reflection;

namespace FerMusic.Vision;

/// <summary>
/// The emotion model the live path uses unless told otherwise. Its name is set once, in the build
/// (<c>FerMusicDefaultModel</c>), and every program that defaults to it gets a copy under <c>models/</c>.
/// </summary>
public static class ShippedModel
{
    public static string FileName { get; } = typeof(ShippedModel).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "DefaultModel").Value!;

    public static string PathBesideProgram => Path.Combine(AppContext.BaseDirectory, "models", FileName);

    /// <summary>The shipped model, or a clear error when the copy beside the program is missing.</summary>
    public static string Resolve(string? path)
    {
        if (path is not null)
        {
            return path;
        }
        return File.Exists(PathBesideProgram)
            ? PathBesideProgram
            : throw new FileNotFoundException($"The default model {PathBesideProgram} is missing; pass --model <file.onnx> (see models/README.md).", PathBesideProgram);
    }
}
