namespace FerMusic.Train.Models.Layers;

/// <summary>A layer whose multiply-adds per image follow from its input and output shapes.</summary>
public interface ICountsMultiplyAdds
{
    long MultiplyAdds(long[] input, long[] output);
}
