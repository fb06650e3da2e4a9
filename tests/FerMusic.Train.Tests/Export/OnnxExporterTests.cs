using FerMusic.Core;
using FerMusic.Train.Export;
using FerMusic.Train.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace FerMusic.Train.Tests.Export;

public sealed class OnnxExporterTests
{
    public static TheoryData<string> ArchitectureNames() => new(Architectures.Names);

    /// <summary>A model with trained-looking batch-norm statistics, so that exporting them is really tested.</summary>
    private static EmotionNet Model(string architecture)
    {
        manual_seed(5);
        var model = Architectures.Get(architecture).Create(EmotionLabels.Count);
        model.train();
        using (no_grad())
        {
            for (var i = 0; i < 3; i++)
            {
                using var scope = NewDisposeScope();
                model.forward(rand(16, 1, 48, 48).mul_(200).add_(20));
            }
        }
        model.eval();
        return model;
    }

    private static float[] Images(int count)
    {
        using var generator = new Generator(9);
        using var images = rand([count, 1, 48, 48], generator: generator).mul_(255);
        return images.data<float>().ToArray();
    }

    [Theory]
    [MemberData(nameof(ArchitectureNames))]
    public void ONNX_Runtime_agrees_with_TorchSharp_at_batch_1_and_8(string architecture)
    {
        using var model = Model(architecture);
        using var runner = new OnnxModelRunner(OnnxExporter.ToBytes(model));

        foreach (var count in new[] { 1, 8 })
        {
            var pixels = Images(count);
            using var input = tensor(pixels, [count, 1, 48, 48]);
            using var expected = nn.functional.softmax(model.forward(input), 1);

            var actual = runner.Run(pixels, count);

            var reference = expected.data<float>().ToArray();
            Assert.Equal(reference.Length, actual.Length);
            var worst = reference.Zip(actual, (a, b) => Math.Abs(a - b)).Max();
            Assert.True(worst < 1e-4, $"{architecture} at batch {count}: largest difference {worst}");
        }
    }

    [Theory]
    [MemberData(nameof(ArchitectureNames))]
    public void The_model_honours_the_contract(string architecture)
    {
        using var model = Model(architecture);
        using var runner = new OnnxModelRunner(OnnxExporter.ToBytes(model));
        var session = runner.Session;

        var input = Assert.Single(session.InputMetadata);
        Assert.Equal(ModelContract.InputName, input.Key);
        Assert.Equal([-1, 1, 48, 48], input.Value.Dimensions);
        Assert.Equal(typeof(float), input.Value.ElementType);
        var output = Assert.Single(session.OutputMetadata);
        Assert.Equal(ModelContract.OutputName, output.Key);
        Assert.Equal([-1, 7], output.Value.Dimensions);

        var metadata = session.ModelMetadata.CustomMetadataMap;
        Assert.Equal("angry,disgust,fear,happy,sad,surprise,neutral", metadata[ModelContract.LabelsKey]);
        Assert.Equal(ModelContract.DefaultFaceMargin, float.Parse(metadata[ModelContract.FaceMarginKey], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(architecture, metadata["architecture"]);

        var probabilities = runner.Run(Images(5), 5);
        for (var row = 0; row < 5; row++)
        {
            var values = probabilities.AsSpan(row * 7, 7).ToArray();
            Assert.All(values, p => Assert.InRange(p, 0f, 1f));
            Assert.Equal(1.0, values.Sum(), 5);
        }
    }

    [Fact]
    public void Dropout_is_left_out_of_the_graph()
    {
        using var model = Model("vgg");

        var graph = Onnx.ModelProto.Parser.ParseFrom(OnnxExporter.ToBytes(model)).Graph;

        Assert.DoesNotContain(graph.Node, n => n.OpType == "Dropout");
        Assert.Contains(graph.Node, n => n.OpType == "BatchNormalization");
        Assert.Equal("Softmax", graph.Node[^1].OpType);
    }
}
