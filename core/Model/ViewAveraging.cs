namespace FerMusic.Core.Model;

/// <summary>
/// Classifies faces with test-time augmentation: every face's views (<see cref="TtaViews"/>) go through the model in
/// one batch and their probabilities are averaged. Buffers are reused between calls, so one instance serves one
/// caller at a time (a pipeline, an evaluation); the model itself may be shared.
/// </summary>
public sealed class ViewAveraging(EmotionModel model, TtaMode mode)
{
    private byte[] _views = [];
    private float[] _probabilities = [];

    public TtaMode Mode => mode;

    public EmotionModel Model => model;

    /// <param name="faces">Consecutive 48x48 grey faces.</param>
    /// <param name="probabilities">One row of the model's classes per face, averaged over its views.</param>
    public void Predict(ReadOnlySpan<byte> faces, Span<float> probabilities)
    {
        var size = ModelContract.PixelsPerImage;
        var count = faces.Length / size;
        var classes = model.Labels.Count;
        if (probabilities.Length < count * classes)
        {
            throw new ArgumentException($"Room for {probabilities.Length} probabilities, {count * classes} needed.", nameof(probabilities));
        }
        if (mode == TtaMode.None)
        {
            model.Predict(faces, probabilities);
            return;
        }
        var views = TtaViews.Count(mode);
        if (_views.Length < count * views * size)
        {
            _views = new byte[count * views * size];
            _probabilities = new float[count * views * classes];
        }
        for (var i = 0; i < count; i++)
        {
            TtaViews.Write(faces.Slice(i * size, size), mode, _views.AsSpan(i * views * size, views * size));
        }
        model.Predict(_views.AsSpan(0, count * views * size), _probabilities);
        for (var i = 0; i < count; i++)
        {
            var row = probabilities.Slice(i * classes, classes);
            row.Clear();
            for (var v = 0; v < views; v++)
            {
                var view = _probabilities.AsSpan((i * views + v) * classes, classes);
                for (var c = 0; c < classes; c++)
                {
                    row[c] += view[c] / views;
                }
            }
        }
    }
}
