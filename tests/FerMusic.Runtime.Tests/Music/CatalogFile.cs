using FerMusic.Tests;

namespace FerMusic.Runtime.Tests.Music;

internal static class CatalogFile
{
    public static string Shipped => Path.Combine(SharedData.RepositoryRoot(), "data", "catalog.csv");
}
