using FerMusic.Core.Cli;
namespace FerMusic.Train.Models;

/// <summary>The designs <c>--arch</c> accepts.</summary>
public static class Architectures
{
    public static IReadOnlyList<Architecture> All { get; } =
    [
        new("paper", "the paper's compact CNN: 4 valid 3x3 convs, max-pooling, dropout, FC-1024", 2_345_607, PaperCnn.Create),
        new("vgg", "VGG-style: conv-BN-ReLU stages 32-64-128-256, max-pool, global average pool", 1_165_159, VggNet.Create),
        new("vgg-wide", "the VGG-style design 1.5x wider: stages 48-96-192-384, dropout 0.5", 2_618_647, VggNet.CreateWide),
        new("vgg-fc", "the VGG-style stages with a dense head: flattened 3x3 map, FC-256, dropout 0.5",
            1_755_239, VggNet.CreateWithDenseHead),
        new("vgg-deep", "the VGG-style design with three convs in the 128 and 256 stages (1.44x the multiply-adds)",
            1_903_207, VggNet.CreateDeep),
        new("vgg-se", "the VGG-style design with squeeze-and-excitation closing the 128 and 256 stages",
            1_186_071, VggNet.CreateSqueezeExcite),
        new("resnet", "small ResNet: stem + 3 residual stages 64-128-256, global average pool", 1_209_063, ResNet.Create),
    ];

    public static IEnumerable<string> Names => All.Select(a => a.Name);

    public static Architecture Get(string name) =>
        All.FirstOrDefault(a => a.Name == name)
        ?? throw new UserErrorException($"Unknown architecture '{name}'; choose one of {string.Join(", ", Names)}.");
}
