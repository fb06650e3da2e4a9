using FerMusic.Train.Models;
using FerMusic.Train.Training;
using static TorchSharp.torch;

namespace FerMusic.Train.Tests.Training;

public sealed class WeightAverageTests
{
    /// <summary>Averages a fresh model, moves its first parameter by +1, updates once, and returns how far the average moved.</summary>
    private static double ShareOfChangeTaken(double decay, long step)
    {
        manual_seed(1);
        using var model = Architectures.Get("vgg").Create(7);
        using var average = new WeightAverage(model, decay);
        var parameter = model.parameters().First();
        using var before = parameter.detach().clone();
        using (no_grad())
        {
            parameter.add_(1.0);
        }

        average.Update(step);

        using var moved = average.Model.parameters().First() - before;
        Assert.True(moved.allclose(moved.mean().expand_as(moved), rtol: 0, atol: 1e-5), "every weight moves alike");
        return moved.mean().item<float>();
    }

    [Fact]
    public void The_average_moves_part_of_the_way_towards_the_weights()
    {
        Assert.Equal(0.5, ShareOfChangeTaken(decay: 0.5, step: 1000), 5);
    }

    [Fact]
    public void Early_steps_follow_the_weights_closely()
    {
        // At step 0 the decay is 1/10, so the average takes 90% of the change.
        Assert.Equal(0.9, ShareOfChangeTaken(decay: 0.999, step: 0), 5);
    }
}
