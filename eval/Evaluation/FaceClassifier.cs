using FerMusic.Core.Model;
using FerMusic.Eval.Data;

namespace FerMusic.Eval.Evaluation;

/// <summary>Runs a model over many faces in batches, averaging the probabilities of the test-time views.</summary>
public static class FaceClassifier
{
    public static Predictions Classify(EmotionModel model, LabelledFaces faces, TtaMode tta, int batchSize = 256)
    {
        var classes = model.Labels.Count;
        var probabilities = new float[faces.Count * classes];
        var predicted = new int[faces.Count];
        var classifier = new ViewAveraging(model, tta);
        for (var start = 0; start < faces.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, faces.Count - start);
            classifier.Predict(faces.Pixels.AsSpan(start * ModelContract.PixelsPerImage, count * ModelContract.PixelsPerImage),
                probabilities.AsSpan(start * classes, count * classes));
        }
        for (var i = 0; i < faces.Count; i++)
        {
            predicted[i] = Probabilities.ArgMax(probabilities.AsSpan(i * classes, classes));
        }
        return new Predictions(probabilities, classes, predicted);
    }
}
