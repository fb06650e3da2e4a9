using static TorchSharp.torch;

namespace FerMusic.Train.Models;

/// <summary>
/// How a network computes on the CPU. Neither option changes the weights' type (float32) or what is exported.
/// </summary>
/// <param name="ChannelsLast">Lay activations out channels-last (NHWC strides), the layout oneDNN's convolutions run fastest in.</param>
/// <param name="BFloat16">Run the convolutional stages in bfloat16: activations bfloat16 from the input normalisation to
/// the pooled features, convolution weights cast per call, batch-norm parameters and statistics, all weights, gradients
/// and the classifier float32 (close to PyTorch's CPU autocast).</param>
public sealed record ComputeOptions(bool ChannelsLast = false, bool BFloat16 = false)
{
    public static ComputeOptions Float32 { get; } = new();

    /// <summary>The same values with channels-last strides (a no-op for tensors that are not 4-D or already channels-last).</summary>
    public static Tensor ToChannelsLast(Tensor x) =>
        x.dim() == 4 && !IsChannelsLast(x) ? x.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2) : x;

    /// <summary>
    /// Whether a 4-D tensor is laid out channels-last. With one channel both layouts have the same strides and
    /// libtorch treats the tensor as channels-first: layouts only take hold from the first layer with several channels.
    /// </summary>
    public static bool IsChannelsLast(Tensor x)
    {
        var strides = x.stride();
        return x.dim() == 4 && x.shape[1] > 1 && strides[1] == 1 && strides[3] == x.shape[1];
    }
}
