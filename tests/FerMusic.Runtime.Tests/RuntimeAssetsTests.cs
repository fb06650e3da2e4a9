using FerMusic.Core;
using FerMusic.Core.Model;
using FerMusic.Vision;

namespace FerMusic.Runtime.Tests;

public sealed class RuntimeAssetsTests
{
    [Fact]
    public void The_default_model_ships_beside_the_runtime_and_honours_the_contract()
    {
        Assert.True(File.Exists(ShippedModel.PathBesideProgram), $"{ShippedModel.PathBesideProgram} is missing");

        // Loading checks the input, the output and the labels metadata.
        using var model = EmotionModel.Load(ShippedModel.PathBesideProgram, threads: 1);

        Assert.Equal(EmotionLabels.Names, model.Labels);
        Assert.StartsWith("ensemble(vgg", model.Metadata["architecture"]);
        Assert.True(model.Framings.Has("haar") && model.Framings.Has("yunet"), "the shipped model carries the framing measured on FER2013");
    }

    [Fact]
    public void The_catalogue_ships_beside_the_runtime()
    {
        Assert.True(File.Exists(RuntimeAssets.DefaultCatalog), $"{RuntimeAssets.DefaultCatalog} is missing");
    }
}
