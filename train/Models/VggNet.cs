using FerMusic.Core.Model;
using FerMusic.Train.Models.Layers;
using static TorchSharp.torch;

namespace FerMusic.Train.Models;

/// <summary>
/// VGG-style stages of 3x3 conv-BN-ReLU (one conv at 32 channels, then two each at 64, 128 and 256), a 2x2 max-pool
/// after every stage (48, 24, 12, 6, 3), global average pooling, dropout and a linear classifier.
/// Batch norm and the pooled head give good accuracy per CPU-second on 48x48 faces. The <c>vgg-fc</c> variant keeps
/// the 3x3 map and flattens it into a hidden fully connected layer, so the head sees where on the face a feature is;
/// <c>vgg-deep</c> adds a third conv to the 12x12 and 6x6 stages, where depth is cheapest.
/// </summary>
public static class VggNet
{
    private static readonly long[] Widths = [32, 64, 128, 256];
    private static readonly int[] Convs = [1, 2, 2, 2];

    public static EmotionNet Create(int classes) => Create(classes, "vgg", Widths, Convs, dropout: 0.4);

    /// <summary>The same design 1.5x wider (2.25x the multiply-adds), for more capacity per epoch.</summary>
    public static EmotionNet CreateWide(int classes) =>
        Create(classes, "vgg-wide", [48, 96, 192, 384], Convs, dropout: 0.5);

    /// <summary>The <c>vgg</c> stages with a flattened 3x3 map and a hidden fully connected layer as the head.</summary>
    public static EmotionNet CreateWithDenseHead(int classes) =>
        Create(classes, "vgg-fc", Widths, Convs, dropout: 0.5, hidden: 256);

    /// <summary>The <c>vgg</c> design with three convs in the last two stages (1.44x the multiply-adds).</summary>
    public static EmotionNet CreateDeep(int classes) => Create(classes, "vgg-deep", Widths, [1, 2, 3, 3], dropout: 0.4);

    /// <summary>
    /// The <c>vgg</c> design with squeeze-and-excitation after the last conv of the 128 and 256 stages (bottlenecks of
    /// 16 and 32 units): 20,912 more parameters (1.8%), a negligible number of multiply-adds and no measurable cost in
    /// training throughput. A trial that also closed the 64 stage (whose 24x24 map is the largest scaled) trained 10%
    /// slower.
    /// </summary>
    public static EmotionNet CreateSqueezeExcite(int classes) =>
        Create(classes, "vgg-se", Widths, Convs, dropout: 0.4, squeezeReduction: 8);

    /// <param name="convs">3x3 conv blocks per stage, before its max-pool.</param>
    /// <param name="hidden">Units of a hidden fully connected layer over the flattened map; 0 pools globally instead.</param>
    /// <param name="squeezeReduction">Channels per unit of a squeeze-and-excitation bottleneck closing the last two
    /// stages; 0 for none.</param>
    public static EmotionNet Create(int classes, string name, IReadOnlyList<long> widths, IReadOnlyList<int> convs,
        double dropout, int hidden = 0, int squeezeReduction = 0)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)> { ("normalize", new InputNormalization()) };
        long channels = 1;
        for (var stage = 0; stage < widths.Count; stage++)
        {
            for (var c = 0; c < convs[stage]; c++)
            {
                layers.Add(($"stage{stage + 1}_conv{c + 1}", new ConvBlock(channels, widths[stage])));
                channels = widths[stage];
            }
            if (squeezeReduction > 0 && stage >= widths.Count - 2)
            {
                layers.Add(($"stage{stage + 1}_se", new SqueezeExcitation(channels, squeezeReduction)));
            }
            layers.Add(($"stage{stage + 1}_pool", new MaxPool()));
        }
        if (hidden > 0)
        {
            var side = ModelContract.ImageSize >> widths.Count;
            layers.Add(("flatten", new Flatten()));
            layers.Add(("fc", new Dense(channels * side * side, hidden, relu: true)));
            channels = hidden;
        }
        else
        {
            layers.Add(("pool", new GlobalAveragePool()));
        }
        layers.Add(("dropout", new DropoutLayer(dropout)));
        layers.Add(("classifier", new Dense(channels, classes, relu: false)));
        return new EmotionNet(name, layers);
    }
}
