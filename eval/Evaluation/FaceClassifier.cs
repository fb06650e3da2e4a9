using FerMusic.Core;
using FerMusic.Eval.Data;

namespace FerMusic.Eval.Evaluation;

/// <summary>Runs a model over many faces in batches, averaging the probabilities of the test-time views.</summary>
public static class FaceClassifier
{
    public static Predictions Classify(EmotionModel model, LabelledFaces faces, TtaMode tta, int batchSize = 256)
    {
        var views = TtaViews.Count(tta);
        var classes = model.Labels.Count;
        var probabilities = new float[faces.Count * classes];
        var predicted = new int[faces.Count];
        var viewPixels = new byte[batchSize * views * ModelContract.PixelsPerImage];
        var viewProbabilities = new float[batchSize * views * classes];
        for (var start = 0; start < faces.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, faces.Count - start);
            for (var i = 0; i < count; i++)
            {
                TtaViews.Write(faces.Image(start + i), tta,
                    viewPixels.AsSpan(i * views * ModelContract.PixelsPerImage, views * ModelContract.PixelsPerImage));
            }
            model.Predict(viewPixels.AsSpan(0, count * views * ModelContract.PixelsPerImage), viewProbabilities);
            for (var i = 0; i < count; i++)
            {
                var row = probabilities.AsSpan((start + i) * classes, classes);
                for (var v = 0; v < views; v++)
                {
                    var view = viewProbabilities.AsSpan((i * views + v) * classes, classes);
                    for (var c = 0; c < classes; c++)
                    {
                        row[c] += view[c] / views;
                    }
                }
                predicted[start + i] = Probabilities.ArgMax(row);
            }
        }
        return new Predictions(probabilities, classes, predicted);
    }

}
