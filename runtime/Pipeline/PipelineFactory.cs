using FerMusic.Core;
using FerMusic.Runtime.Detection;
using FerMusic.Runtime.Music;

namespace FerMusic.Runtime.Pipeline;

/// <summary>Loads what pipelines share (model, cascade, catalogue) once, with clear errors for missing files.</summary>
public sealed class PipelineFactory : IDisposable
{
    private readonly string _cascadePath;
    private readonly DetectorOptions _detector;

    public PipelineFactory(string? modelPath, string? cascadePath, string? catalogPath, DetectorOptions? detector = null, int threads = 0)
    {
        var model = modelPath ?? RuntimeAssets.DefaultModel;
        if (modelPath is null && !File.Exists(model))
        {
            throw new FileNotFoundException($"The default model {model} is missing; pass --model <file.onnx> (see models/README.md).", model);
        }
        Model = EmotionModel.Load(model, threads);
        _cascadePath = CascadeLocator.Resolve(cascadePath);
        _detector = detector ?? new DetectorOptions();
        Catalog = MusicCatalog.Load(catalogPath ?? RuntimeAssets.DefaultCatalog);
        Recommender = new Recommender(Catalog);
    }

    public EmotionModel Model { get; }

    public MusicCatalog Catalog { get; }

    public Recommender Recommender { get; }

    /// <summary>A new pipeline with its own detector, smoother and listening session, sharing the model.</summary>
    public EmotionPipeline Create(PipelineOptions options) =>
        new(Model, new HaarFaceDetector(_cascadePath, _detector), Recommender, options);

    public void Dispose() => Model.Dispose();
}
