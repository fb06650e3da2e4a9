namespace FerMusic.Runtime;

/// <summary>The files the runtime ships with: the default model and the music catalogue, copied beside the program.</summary>
public static class RuntimeAssets
{
    public const string DefaultModelName = "fer2013-vgg-mixup100-ft.onnx";

    public static string DefaultModel => Path.Combine(AppContext.BaseDirectory, "models", DefaultModelName);

    public static string DefaultCatalog => Path.Combine(AppContext.BaseDirectory, "data", "catalog.csv");
}
