using FerMusic.Train.Models.Layers;

namespace FerMusic.Train.Models;

/// <summary>
/// The compact CNN of the paper we follow: two 3x3 convs (32, 64), pool, dropout; two more (128, 128) each with a
/// pool; dropout; a 1024-unit fully connected layer with dropout; then the classes. No batch normalisation.
/// </summary>
public static class PaperCnn
{
    public static EmotionNet Create(int classes) => new("paper",
    [
        ("normalize", new InputNormalization()),
        ("conv1", new ConvBlock(1, 32, padding: 0, batchNorm: false)),      // 46
        ("conv2", new ConvBlock(32, 64, padding: 0, batchNorm: false)),     // 44
        ("pool1", new MaxPool()),                                           // 22
        ("drop1", new DropoutLayer(0.25)),
        ("conv3", new ConvBlock(64, 128, padding: 0, batchNorm: false)),    // 20
        ("pool2", new MaxPool()),                                           // 10
        ("conv4", new ConvBlock(128, 128, padding: 0, batchNorm: false)),   // 8
        ("pool3", new MaxPool()),                                           // 4
        ("drop2", new DropoutLayer(0.25)),
        ("flatten", new Flatten()),
        ("fc1", new Dense(128 * 4 * 4, 1024, relu: true)),
        ("drop3", new DropoutLayer(0.5)),
        ("classifier", new Dense(1024, classes, relu: false)),
    ]);
}
