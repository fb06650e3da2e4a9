using FerMusic.Core;
using FerMusic.Core.Faces;
using FerMusic.Core.Model;
using FerMusic.Tests;
using FerMusic.Train.Export;
using FerMusic.Train.Models;
using static TorchSharp.torch;

namespace FerMusic.Train.Tests.Export;

public sealed class OnnxExporterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> ArchitectureNames() => new(Architectures.Names);

    /// <summary>A model with trained-looking batch-norm statistics, so that exporting them is really tested.</summary>
    internal static EmotionNet Model(string architecture)
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

    /// <summary>Exports and loads the model the way the evaluator and runtime do, checking the contract.</summary>
    private EmotionModel Export(EmotionNet model)
    {
        var path = _temp.File(model.Architecture + ".onnx");
        OnnxExporter.Export(model, path);
        return EmotionModel.Load(path);
    }

    private static byte[] Faces(int count)
    {
        var faces = new byte[count * ModelContract.PixelsPerImage];
        new Random(9).NextBytes(faces);
        return faces;
    }

    [Theory]
    [MemberData(nameof(ArchitectureNames))]
    public void ONNX_Runtime_agrees_with_TorchSharp_at_batch_1_and_8(string architecture)
    {
        using var model = Model(architecture);
        using var onnx = Export(model);

        foreach (var count in new[] { 1, 8 })
        {
            var faces = Faces(count);
            var pixels = new float[faces.Length];
            ModelInput.Write(faces, pixels);
            using var input = tensor(pixels, [count, 1, 48, 48]);
            using var expected = nn.functional.softmax(model.forward(input), 1);
            var actual = new float[count * EmotionLabels.Count];

            onnx.Predict(faces, actual);

            var reference = expected.data<float>().ToArray();
            var worst = reference.Zip(actual, (a, b) => Math.Abs(a - b)).Max();
            Assert.True(worst < 1e-4, $"{architecture} at batch {count}: largest difference {worst}");
        }
    }

    [Theory]
    [MemberData(nameof(ArchitectureNames))]
    public void The_model_honours_the_contract(string architecture)
    {
        using var model = Model(architecture);

        // Loading checks input 'input' float32 [N,1,48,48], output 'probabilities' [N,7] and the labels metadata.
        using var onnx = Export(model);

        Assert.Equal("angry,disgust,fear,happy,sad,surprise,neutral", onnx.Metadata[ModelContract.LabelsKey]);
        Assert.Equal(EmotionLabels.Names, onnx.Labels);
        Assert.Equal(FaceFraming.FromMargin(ModelContract.DefaultFaceMargin), onnx.Framings.Fallback);
        Assert.Equal(architecture, onnx.Metadata["architecture"]);
        Assert.Equal(model.ParameterCount.ToString(System.Globalization.CultureInfo.InvariantCulture), onnx.Metadata["parameters"]);
        var probabilities = new float[5 * 7];
        onnx.Predict(Faces(5), probabilities);
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
        Assert.Equal(ModelContract.OutputName, graph.Node[^1].Output[0]);
    }
}
