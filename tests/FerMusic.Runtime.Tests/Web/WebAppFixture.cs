using FerMusic.Core;
using FerMusic.Runtime.Journal;
using FerMusic.Runtime.Pipeline;
using FerMusic.Tests.Vision;
using FerMusic.Vision.Detection;
using FerMusic.Runtime.Web;
using FerMusic.Tests;
using Microsoft.AspNetCore.TestHost;
using OpenCvSharp;

namespace FerMusic.Runtime.Tests.Web;

/// <summary>The web app in process (TestServer), with a model that always answers "happy".</summary>
public sealed class WebAppFixture : IAsyncDisposable
{
    private readonly TempDirectory _temp = new();

    private WebAppFixture(WebApplication app, PipelineFactory factory)
    {
        App = app;
        Factory = factory;
    }

    public WebApplication App { get; }

    public PipelineFactory Factory { get; }

    public TestServer Server => App.GetTestServer();

    /// <param name="configure">Web settings for this test (on top of the defaults).</param>
    /// <param name="model">The ONNX model to serve (default: one that always says happy).</param>
    /// <param name="time">The clock the app runs on (default: the system's).</param>
    /// <param name="catalog">The music catalogue (default: the shipped data/catalog.csv).</param>
    /// <param name="journal">Journal settings (default: no journal, so tests never touch the user's own).</param>
    public static async Task<WebAppFixture> StartAsync(Action<WebOptions>? configure = null, bool testServer = true, string? url = null, byte[]? model = null,
        TimeProvider? time = null, string? catalog = null, Action<JournalOptions>? journal = null)
    {
        var temp = new TempDirectory();
        var modelPath = TinyModels.Save(model ?? TinyModels.AlwaysPredicts(Emotion.Happy), temp.File("model.onnx"));
        var factory = new PipelineFactory(modelPath, catalog ?? Path.Combine(SharedData.RepositoryRoot(), "data", "catalog.csv"), new FaceSettings { CascadePath = InstalledCascade.Require() });
        var app = WebServer.Build(factory, configure, url is null ? null : [url], builder =>
        {
            if (testServer)
            {
                builder.WebHost.UseTestServer();
            }
            if (time is not null)
            {
                builder.Services.AddSingleton(time);
            }
        }, journal ?? (j => j.Enabled = false));
        await app.StartAsync();
        var fixture = new WebAppFixture(app, factory);
        fixture._temp.Dispose();
        fixture.TempDir = temp;
        return fixture;
    }

    private TempDirectory? TempDir { get; set; }

    /// <summary>A JPEG of a real face (from the shared photos) or, without them, of a plain grey image.</summary>
    public static byte[] FaceJpeg()
    {
        var photo = Path.Combine(SharedData.Root, "data", "faces", "obama.jpg");
        using var image = File.Exists(photo) ? Cv2.ImRead(photo) : new Mat(480, 640, MatType.CV_8UC3, Scalar.All(128));
        using var small = new Mat();
        Cv2.Resize(image, small, new Size(640, (int)(640.0 * image.Height / image.Width)));
        return small.ImEncode(".jpg");
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Factory.Dispose();
        TempDir?.Dispose();
    }
}
