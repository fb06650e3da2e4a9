using FerMusic.Runtime.Web.Protocol;
using System.Text.Json;
using FerMusic.Core;
using FerMusic.Core.Model;
using FerMusic.Runtime.Capture;
using FerMusic.Runtime.Pipeline;
using FerMusic.Tests.Vision;
using FerMusic.Vision.Detection;
using FerMusic.Tests;
using OpenCvSharp;

namespace FerMusic.Runtime.Tests.Pipeline;

public sealed class PipelineTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Clip => Path.Combine(SharedData.Root, "data", "faces", "short_hamilton_clip.mp4");

    private static string Catalog => Path.Combine(SharedData.RepositoryRoot(), "data", "catalog.csv");

    private PipelineFactory Factory(byte[] model) =>
        new(TinyModels.Save(model, _temp.File("model.onnx")), Catalog, new FaceSettings { CascadePath = InstalledCascade.Require() });

    [Fact]
    public void On_a_real_video_faces_are_found_in_most_frames_and_every_JSON_line_is_valid()
    {
        var clip = SharedData.Require(Clip);
        using var factory = Factory(TinyModels.AlwaysPredicts(Emotion.Happy));
        using var pipeline = factory.Create(new PipelineOptions());
        using var video = VideoSource.Open(clip);
        using var frame = new Mat();
        int frames = 0, withFace = 0;
        var lines = new List<string>();

        while (video.Read(frame))
        {
            var report = pipeline.Process(frame, frames++ / 27.5);
            withFace += report.Faces.Count > 0 ? 1 : 0;
            if (report.Changed)
            {
                lines.Add(ProtocolJson.Line(report, pipeline.Labels));
            }
        }

        Assert.True(frames > 200, $"{frames} frames");
        Assert.True(withFace > frames / 2, $"a face in {withFace} of {frames} frames");
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            Assert.True(root.GetProperty("time").GetDouble() >= 0);
            Assert.Equal(7, root.GetProperty("probabilities").EnumerateObject().Count());
            Assert.True(root.TryGetProperty("faces", out _));
        }
        using var happy = JsonDocument.Parse(lines.First(l => l.Contains("\"emotion\":\"happy\"", StringComparison.Ordinal)));
        var queue = happy.RootElement.GetProperty("tracks");
        Assert.Equal(1 + new PipelineOptions().Tracks, queue.GetArrayLength()); // playing, then those planned next
        Assert.True(happy.RootElement.GetProperty("valence").GetDouble() > 0.5);
        Assert.All(queue.EnumerateArray(), t => Assert.True(t.GetProperty("valence").GetDouble() > 0.5));
        Assert.True(queue[0].GetProperty("target").GetProperty("valence").GetDouble() > 0.7);
    }

    [Fact]
    public void Two_faces_in_one_photo_are_classified_in_one_batch_largest_first()
    {
        var photo = SharedData.Require(Path.Combine(SharedData.Root, "data", "faces", "two_people.jpg"));
        using var factory = Factory(TinyModels.AlwaysPredicts(Emotion.Sad));
        using var pipeline = factory.Create(new PipelineOptions());
        using var image = Cv2.ImRead(photo);

        var report = pipeline.Process(image, 0);

        Assert.Equal(2, report.Faces.Count);
        Assert.True(report.Faces[0].Box.Area >= report.Faces[1].Box.Area);
        Assert.All(report.Faces, f => Assert.True(f.Probabilities[(int)Emotion.Sad] > 0.9f));
    }

    [Fact]
    public void A_missing_model_is_a_clear_error()
    {
        var error = Assert.Throws<ModelContractException>(() => new PipelineFactory(_temp.File("none.onnx"), Catalog, new FaceSettings { CascadePath = InstalledCascade.Require() }));

        Assert.Contains("model file not found", error.Message);
    }

    [Fact]
    public void A_missing_video_file_is_named()
    {
        var error = Assert.Throws<FileNotFoundException>(() => VideoSource.Open(_temp.File("absent.mp4")));

        Assert.Contains("absent.mp4", error.Message);
    }

    [Fact]
    public void A_corrupt_video_is_a_clear_error()
    {
        var path = _temp.File("corrupt.mp4");
        File.WriteAllBytes(path, Enumerable.Range(0, 5000).Select(i => (byte)(i * 31)).ToArray());

        var error = Assert.Throws<InvalidDataException>(() => VideoSource.Open(path));

        Assert.Contains("cannot be opened as a video", error.Message);
    }
}
