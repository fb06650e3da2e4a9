using FerMusic.Core;
using FerMusic.Core.Faces;
using FerMusic.Core.Model;
using FerMusic.Tests;

namespace FerMusic.Eval.Tests.Evaluation;

/// <summary>Models that cannot be used are refused with a message that says why.</summary>
public sealed class ModelContractTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Save(byte[] bytes) => TinyModels.Save(bytes, _temp.File("model.onnx"));

    [Fact]
    public void A_missing_model_file()
    {
        var error = Assert.Throws<ModelContractException>(() => EmotionModel.Load(_temp.File("absent.onnx")));

        Assert.Contains("absent.onnx: model file not found", error.Message);
    }

    [Fact]
    public void A_corrupt_model_file()
    {
        var error = Assert.Throws<ModelContractException>(() => EmotionModel.Load(Save([1, 2, 3, 4, 5, 6, 7, 8])));

        Assert.Contains("not a loadable ONNX model", error.Message);
    }

    public static TheoryData<string, byte[]> ContractBreakers() => new()
    {
        { "expected input 'input'", TinyModels.Linear(new float[7], inputName: "image") },
        { "metadata 'labels' is missing", TinyModels.Linear(new float[7], labels: null) },
        { "names 3 classes but the output has 7", TinyModels.Linear(new float[7], labels: "a,b,c") },
        { "float32 [N,1,48,48]", TinyModels.Linear(new float[7], side: 64) },
        { "metadata 'face_framing' is not a face framing", TinyModels.Linear(new float[7], metadata: new Dictionary<string, string> { [ModelContract.FaceFramingKey] = "{\"haar\":{\"box\":[1]}}" }) },
    };

    [Theory]
    [MemberData(nameof(ContractBreakers))]
    public void A_model_that_breaks_the_contract(string problem, byte[] model)
    {
        var error = Assert.Throws<ModelContractException>(() => EmotionModel.Load(Save(model)));

        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void A_model_that_honours_it_loads_with_its_labels_and_default_margin()
    {
        using var model = EmotionModel.Load(Save(TinyModels.AlwaysPredicts(Emotion.Sad)));

        Assert.Equal(EmotionLabels.Names, model.Labels);
        Assert.Equal(FaceFraming.FromMargin(ModelContract.DefaultFaceMargin), model.Framings.Fallback);
        Assert.Empty(model.Framings.Detectors);
        var probabilities = new float[14];
        model.Predict(new byte[2 * ModelContract.PixelsPerImage], probabilities);
        Assert.True(probabilities[(int)Emotion.Sad] > 0.9f);
        Assert.True(probabilities[7 + (int)Emotion.Sad] > 0.9f);
    }

    [Fact]
    public void A_model_with_a_framing_crops_each_detector_as_measured_and_others_by_its_margin()
    {
        var metadata = new Dictionary<string, string>
        {
            [ModelContract.FaceFramingKey] = FerMusic.Core.Fer2013.Fer2013Framing.Measured.ToJson(),
            [ModelContract.FaceMarginKey] = "0.2",
        };
        using var model = EmotionModel.Load(Save(TinyModels.Linear(new float[7], metadata: metadata)));

        Assert.Equal(FerMusic.Core.Fer2013.Fer2013Framing.Measured.For("haar"), model.Framings.For("haar"));
        Assert.Equal(FaceFraming.FromMargin(0.2f), model.Framings.For("another detector"));
    }
}
