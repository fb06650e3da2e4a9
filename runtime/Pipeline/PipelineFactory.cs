using FerMusic.Core.Model;
using FerMusic.Runtime.Music;
using FerMusic.Vision;
using FerMusic.Vision.Detection;

namespace FerMusic.Runtime.Pipeline;

/// <summary>Loads what pipelines share (model, detector model, catalogue) once, with clear errors for missing files.</summary>
public sealed class PipelineFactory : IDisposable
{
    private readonly FaceDetectorFactory _detectors;

    public PipelineFactory(string? modelPath, string? catalogPath, FaceSettings? faces = null, int threads = 0)
    {
        var model = ShippedModel.Resolve(modelPath);
        _detectors = new FaceDetectorFactory(faces ?? new FaceSettings());
        Model = EmotionModel.Load(model, threads);
        Catalog = MusicCatalog.Load(catalogPath ?? RuntimeAssets.DefaultCatalog);
        Recommender = new Recommender(Catalog);
    }

    public EmotionModel Model { get; }

    public FaceSettings Faces => _detectors.Settings;

    public MusicCatalog Catalog { get; }

    public Recommender Recommender { get; }

    /// <summary>A new pipeline with its own detector, smoother and listening session, sharing the model.</summary>
    public EmotionPipeline Create(PipelineOptions options) =>
        new(Model, _detectors.Create(), Faces, Recommender, options);

    public void Dispose() => Model.Dispose();
}
