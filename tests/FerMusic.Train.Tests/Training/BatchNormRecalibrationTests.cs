using FerMusic.Core;
using FerMusic.Core.Fer2013;
using FerMusic.Core.Model;
using FerMusic.Train.Models;
using FerMusic.Train.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FerMusic.Train.Tests.Training;

public sealed class BatchNormRecalibrationTests
{
    private static readonly Fer2013Dataset Images = SyntheticFaces.Create(perClass: 8, Fer2013Split.Training, seed: 3);

    private static EmotionNet Model()
    {
        manual_seed(2);
        var model = Architectures.Get("vgg").Create(EmotionLabels.Count);
        model.eval();
        return model;
    }

    private static BatchNorm2d FirstNorm(EmotionNet model) => model.modules().OfType<BatchNorm2d>().First();

    private static T Named<T>(EmotionNet model, string name) where T : nn.Module => (T)model.named_modules().Single(m => m.name == name).module;

    [Fact]
    public void The_first_statistics_become_the_mean_of_the_first_convolution_over_the_images()
    {
        using var model = Model();

        BatchNormRecalibration.Run(model, Images, batchSize: 8);

        var pixels = new float[Images.Count * ModelContract.PixelsPerImage];
        ModelInput.Write(Images.Pixels, pixels);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var input = tensor(pixels, [Images.Count, 1, 48, 48]);
        var normalised = Named<nn.Module<Tensor, Tensor>>(model, "normalize").forward(input);
        var expected = Named<Conv2d>(model, "stage1_conv1.conv").forward(normalised).mean([0, 2, 3]);
        var actual = FirstNorm(model).running_mean!;
        Assert.True(actual.allclose(expected, rtol: 1e-4, atol: 1e-4), $"largest difference {(actual - expected).abs().max().item<float>()}");
    }

    [Fact]
    public void The_statistics_depend_on_the_images_only_and_the_model_is_left_as_it_was()
    {
        using var recalibrated = Model();
        using var trainedOn = Model();
        using (no_grad())
        {
            trainedOn.train();
            trainedOn.forward(rand(8, 1, 48, 48).mul_(255));
            trainedOn.eval();
        }
        var momentum = FirstNorm(trainedOn).momentum;
        using var before = FirstNorm(trainedOn).running_var!.clone();

        BatchNormRecalibration.Run(recalibrated, Images, batchSize: 16);
        BatchNormRecalibration.Run(trainedOn, Images, batchSize: 16);

        Assert.False(FirstNorm(trainedOn).running_var!.allclose(before), "the statistics changed");
        foreach (var (a, b) in recalibrated.modules().OfType<BatchNorm2d>().Zip(trainedOn.modules().OfType<BatchNorm2d>()))
        {
            Assert.True(a.running_mean!.allclose(b.running_mean!, rtol: 1e-5, atol: 1e-6));
            Assert.True(a.running_var!.allclose(b.running_var!, rtol: 1e-5, atol: 1e-6));
        }
        Assert.False(trainedOn.training);
        Assert.Equal(momentum, FirstNorm(trainedOn).momentum);
    }
}
