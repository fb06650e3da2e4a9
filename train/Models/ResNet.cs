using FerMusic.Train.Models.Layers;

namespace FerMusic.Train.Models;

/// <summary>
/// A small ResNet for 48x48 input: a 32-channel stem, three residual stages (64, 128, 256 channels, each halving
/// the resolution: 24, 12, 6), global average pooling, dropout and a linear classifier.
/// </summary>
public static class ResNet
{
    public static EmotionNet Create(int classes) => new("resnet",
    [
        ("normalize", new InputNormalization()),
        ("stem", new ConvBlock(1, 32)),
        ("stage1", new ResidualBlock(32, 64, stride: 2)),
        ("stage2", new ResidualBlock(64, 128, stride: 2)),
        ("stage3", new ResidualBlock(128, 256, stride: 2)),
        ("pool", new GlobalAveragePool()),
        ("dropout", new DropoutLayer(0.3)),
        ("classifier", new Dense(256, classes, relu: false)),
    ]);
}
