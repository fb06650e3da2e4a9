namespace FerMusic.Runtime;

/// <summary>The files the runtime ships with besides the model (see <see cref="Vision.ShippedModel"/>), copied beside the program.</summary>
public static class RuntimeAssets
{
    public static string DefaultCatalog => Path.Combine(AppContext.BaseDirectory, "data", "catalog.csv");
}
