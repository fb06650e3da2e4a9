using FerMusic.Train.Models;
using FerMusic.Train.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace FerMusic.Train.Tests.Training;

public sealed class WeightAverageTests
{
    [Fact]
    public void The_average_moves_part_of_the_way_towards_the_weights()
    {
        manual_seed(1);
        using var model = Architectures.Get("vgg").Create(7);
        using var average = new WeightAverage(model, decay: 0.5);
        var parameter = model.parameters().First();
        var before = parameter.detach().clone();
        using (no_grad())
        {
            parameter.add_(1.0);
        }

        average.Update(step: 1000);

        var averaged = average.Model.parameters().First();
        Assert.True(averaged.allclose(before + 0.5, rtol: 0, atol: 1e-6));
    }

    [Fact]
    public void Early_steps_follow_the_weights_closely()
    {
        manual_seed(1);
        using var model = Architectures.Get("vgg").Create(7);
        using var average = new WeightAverage(model, decay: 0.999);
        var parameter = model.parameters().First();
        var before = parameter.detach().clone();
        using (no_grad())
        {
            parameter.add_(1.0);
        }

        average.Update(step: 0);

        // At step 0 the decay is 1/10, so the average takes 90% of the change.
        Assert.True(average.Model.parameters().First().allclose(before + 0.9, rtol: 0, atol: 1e-5));
    }
}
