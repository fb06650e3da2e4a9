using static TorchSharp.torch;

namespace FerMusic.Train.Models;

/// <summary>
/// How a network computes on the CPU. Neither option changes the weights' type (float32) or what is exported.
/// </summary>
/// <param name="ChannelsLast">Lay activations out channels-last (NHWC strides), the layout oneDNN's convolutions run fastest in.</param>
/// <param name="BFloat16">Run convolutions in bfloat16 (inputs and weights cast per call, float32 weights and gradients kept),
/// as PyTorch's CPU autocast does; batch norm, pooling and the classifier stay float32.</param>
public sealed record ComputeOptions(bool ChannelsLast = false, bool BFloat16 = false, bool BFloat16Activations = false)
{
    public static ComputeOptions Float32 { get; } = new();

    /// <summary>The same values with channels-last strides (a no-op for tensors that are not 4-D).</summary>
    public static Tensor ToChannelsLast(Tensor x) =>
        x.dim() == 4 ? x.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2) : x;
}
