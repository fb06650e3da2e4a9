using FerMusic.Core;
using FerMusic.Tests;
using FerMusic.Train.Export;
using FerMusic.Train.Models;
using static TorchSharp.torch;
using ProtobufMessages = Google.Protobuf.MessageExtensions;

namespace FerMusic.Train.Tests.Export;

public sealed class OnnxWeightImporterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> ArchitectureNames() => new(Architectures.Names);

    /// <summary>An exported model of the architecture, seeded, with batch-norm statistics moved off their defaults.</summary>
    private string Exported(string architecture)
    {
        using var model = OnnxExporterTests.Model(architecture);
        var path = _temp.File($"{architecture}.onnx");
        OnnxExporter.Export(model, path);
        return path;
    }

    [Theory]
    [MemberData(nameof(ArchitectureNames))]
    public void A_loaded_network_exports_the_same_model_again(string architecture)
    {
        var path = Exported(architecture);
        manual_seed(99);
        using var fresh = Architectures.Get(architecture).Create(EmotionLabels.Count);
        var before = OnnxExporter.ToBytes(fresh);

        OnnxWeightImporter.Load(fresh, path);

        var original = Onnx.ModelProto.Parser.ParseFrom(File.ReadAllBytes(path)).Graph.Initializer;
        var again = Onnx.ModelProto.Parser.ParseFrom(OnnxExporter.ToBytes(fresh)).Graph.Initializer;
        Assert.Equal(original.Select(i => (i.Name, i.RawData.ToBase64())), again.Select(i => (i.Name, i.RawData.ToBase64())));
        Assert.NotEqual(before, OnnxExporter.ToBytes(fresh));
    }

    [Fact]
    public void A_model_of_another_architecture_is_refused_by_name()
    {
        var path = Exported("resnet");
        using var vgg = Architectures.Get("vgg").Create(EmotionLabels.Count);

        var error = Assert.Throws<InvalidDataException>(() => OnnxWeightImporter.Load(vgg, path));

        Assert.Contains("'resnet' model, not 'vgg'", error.Message);
        Assert.Contains("--arch resnet", error.Message);
    }

    [Fact]
    public void A_model_that_lacks_a_tensor_is_refused_with_its_name()
    {
        var proto = Onnx.ModelProto.Parser.ParseFrom(File.ReadAllBytes(Exported("vgg")));
        var removed = proto.Graph.Initializer.First(i => i.Name.StartsWith("bn_var", StringComparison.Ordinal));
        proto.Graph.Initializer.Remove(removed);
        var path = _temp.File("incomplete.onnx");
        File.WriteAllBytes(path, ProtobufMessages.ToByteArray(proto));
        using var vgg = Architectures.Get("vgg").Create(EmotionLabels.Count);

        var error = Assert.Throws<InvalidDataException>(() => OnnxWeightImporter.Load(vgg, path));

        Assert.Contains($"'{removed.Name}'", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_ONNX_or_not_there_gets_a_clear_error()
    {
        var garbage = _temp.File("garbage.onnx");
        File.WriteAllBytes(garbage, [0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]);
        using var vgg = Architectures.Get("vgg").Create(EmotionLabels.Count);

        Assert.Contains("is not an ONNX model", Assert.Throws<InvalidDataException>(() => OnnxWeightImporter.Load(vgg, garbage)).Message);
        Assert.Throws<FileNotFoundException>(() => OnnxWeightImporter.Load(vgg, _temp.File("missing.onnx")));
    }
}
