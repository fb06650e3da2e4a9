using TorchSharp;

namespace FerMusic.Train.Tests;

/// <summary>Proves the native library loads here (on Debian 12 that needs the GLIBCXX build step).</summary>
public sealed class TorchSharpLoadingTests
{
    [Fact]
    public void Libtorch_loads_and_runs_a_tensor_operation()
    {
        using var a = torch.tensor(new float[] { 1, 2, 3, 4 }, [2, 2]);
        using var product = a.matmul(a);

        Assert.Equal([7f, 10f, 15f, 22f], product.data<float>().ToArray());
    }
}
