using FerMusic.Runtime.Web.Protocol;
using System.CommandLine;
using System.Diagnostics;
using FerMusic.Runtime.Capture;
using FerMusic.Runtime.Pipeline;
using FerMusic.Runtime.Spotify;
using OpenCvSharp;

namespace FerMusic.Runtime.Cli;

/// <summary><c>run</c>: the live pipeline on a camera, file or stream, reporting every change of emotion.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var common = new RuntimeOptions();
        var source = new Option<string>("--source") { Description = "Camera index (0), video file or stream URL.", DefaultValueFactory = _ => "0" };
        var json = new Option<bool>("--json") { Description = "Print one JSON line per state change (time, faces, emotion, probabilities, valence, arousal, tracks)." };
        var command = new Command("run", "Recognise emotions from a camera, video file or stream and recommend music on every change of mood. " +
                                         "Files are processed frame by frame on their own clock; cameras and streams live, newest frame first.");
        command.Options.Add(source);
        command.Options.Add(json);
        common.AddTo(command);
        command.SetAction(parse =>
        {
            using var factory = common.Factory(parse);
            using var pipeline = factory.Create(common.Pipeline(parse));
            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
            var print = parse.GetValue(json)
                ? (Action<FrameReport>)(r => Console.WriteLine(ProtocolJson.Line(r, pipeline.Labels)))
                : r => Console.WriteLine(Describe(r, pipeline.Labels));
            var spotify = SpotifyServices.CreateLinker(SpotifyCredentials.FromEnvironment(), options: null, out var spotifyServices);
            using var disposeSpotify = spotifyServices;
            var write = spotify is null ? print : r => print(WithSpotifyLinks(r, spotify, cancel.Token));
            var spec = parse.GetRequiredValue(source);
            using var video = VideoSource.Open(spec);
            if (video.IsLive)
            {
                video.Dispose();
                RunLive(spec, pipeline, write, cancel.Token);
            }
            else
            {
                RunFile(video, pipeline, write, cancel.Token);
            }
            return 0;
        });
        return command;
    }

    private static void RunFile(VideoSource video, EmotionPipeline pipeline, Action<FrameReport> write, CancellationToken cancel)
    {
        using var frame = new Mat();
        var fps = video.FramesPerSecond;
        for (var index = 0; !cancel.IsCancellationRequested && video.Read(frame); index++)
        {
            var report = pipeline.Process(frame, index / fps);
            if (report.Changed || report.Tracks is not null)
            {
                write(report);
            }
        }
    }

    private static void RunLive(string spec, EmotionPipeline pipeline, Action<FrameReport> write, CancellationToken cancel)
    {
        using var capture = new LatestFrameCapture(() => VideoSource.Open(spec));
        capture.StateChanged += (state, detail) => Console.Error.WriteLine($"capture: {state.ToString().ToLowerInvariant()}{(detail is null ? "" : ": " + detail)}");
        capture.Start();
        using var frame = new Mat();
        var clock = Stopwatch.StartNew();
        long seen = 0;
        while (!cancel.IsCancellationRequested && capture.State is not (CaptureState.Failed or CaptureState.Ended))
        {
            if (!capture.WaitForFrame(seen, TimeSpan.FromSeconds(1), cancel) || !capture.TryGetLatest(frame, ref seen))
            {
                continue;
            }
            var report = pipeline.Process(frame, clock.Elapsed.TotalSeconds);
            if (report.Changed || report.Tracks is not null)
            {
                write(report);
            }
        }
    }

    /// <summary>Links the queue to Spotify when credentials are set; on any Spotify failure the local tracks stand.</summary>
    private static FrameReport WithSpotifyLinks(FrameReport report, SpotifyLinker spotify, CancellationToken cancel) =>
        report.Tracks is null ? report : report with { Tracks = spotify.LinkQueueAsync(report.Tracks, cancel).GetAwaiter().GetResult() };

    private static string Describe(FrameReport report, IReadOnlyList<string> labels)
    {
        var state = report.State;
        var what = state.Emotion is { } e ? $"{labels[e]} ({state.Probabilities[e]:P0})" : state.Status.ToString().ToLowerInvariant();
        var mood = report.Mood is { } m ? $"  valence {m.Valence:+0.00;-0.00} arousal {m.Arousal:+0.00;-0.00}" : "";
        var tracks = report.Tracks is null ? "" : "\n  " + string.Join("\n  ", report.Tracks.Select((q, i) => $"{(i == 0 ? "playing" : "next   ")} {q.Track.Artist} - {q.Track.Title} ({q.Track.Year})"));
        return $"{report.Seconds,7:0.00}s  {what}{mood}{tracks}";
    }
}
