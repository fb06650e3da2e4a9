using System.CommandLine;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using FerMusic.Core.Cli;
using FerMusic.Core.Numerics;
using OpenCvSharp;

namespace FerMusic.Runtime.Cli;

/// <summary><c>loadtest</c>: many pages at once against a running server on this machine, each at the rate it is told.</summary>
public static class LoadTestCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The running server (loopback only).", DefaultValueFactory = _ => "http://127.0.0.1:5000" };
        var sessions = new Option<int>("--sessions") { Description = "Pages connected at once.", DefaultValueFactory = _ => 10 };
        var seconds = new Option<double>("--seconds") { Description = "How long they send frames.", DefaultValueFactory = _ => 20 };
        var frame = new Option<string?>("--frame") { Description = "A picture every page sends (best with a face in it; default: a plain grey 640x480 frame)." };
        var command = new Command("loadtest",
            "Connect --sessions pages to a running server on this machine, each sending frames one at a time at the rate the server " +
            "tells it, and print one table row: sessions, frames/s answered in all, latency p50/p95 per frame, frames refused, and " +
            "the server's memory (from /healthz).");
        foreach (var option in new Option[] { url, sessions, seconds, frame })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse =>
        {
            var target = Loopback(parse.GetRequiredValue(url));
            var count = parse.GetValue(sessions) is > 0 and <= 10_000 ? parse.GetValue(sessions) : throw new UserErrorException("--sessions must be 1 to 10,000.");
            var duration = TimeSpan.FromSeconds(parse.GetValue(seconds) > 0 ? parse.GetValue(seconds) : throw new UserErrorException("--seconds must be positive."));
            var jpeg = Frame(parse.GetValue(frame));
            var result = RunAsync(target, count, duration, jpeg).GetAwaiter().GetResult();
            Console.WriteLine("| sessions | frames/s (all) | p50 ms | p95 ms | refused | connect failures | server memory MB |");
            Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            Console.WriteLine($"| {count} | {result.FramesPerSecond:0.0} | {result.P50:0} | {result.P95:0} | {result.Refused} | {result.Failed} | {result.MemoryMb:0} |");
            return 0;
        });
        return command;
    }

    private sealed record LoadResult(double FramesPerSecond, double P50, double P95, long Refused, int Failed, double MemoryMb);

    private static Uri Loopback(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new UserErrorException($"--url '{text}' is not an http:// address.");
        }
        if (!uri.IsLoopback)
        {
            throw new UserErrorException($"--url {text}: the load test runs against this machine only (127.0.0.1, localhost).");
        }
        return uri;
    }

    private static byte[] Frame(string? path)
    {
        if (path is null)
        {
            using var grey = new Mat(480, 640, MatType.CV_8UC3, Scalar.All(120));
            return grey.ImEncode(".jpg");
        }
        using var image = Cv2.ImRead(path, ImreadModes.Color);
        if (image.Empty())
        {
            throw new UserErrorException($"--frame {path} is not a picture OpenCV can read.");
        }
        using var small = new Mat();
        Cv2.Resize(image, small, new Size(640, (int)Math.Round(640.0 * image.Height / image.Width)));
        return small.ImEncode(".jpg");
    }

    private static async Task<LoadResult> RunAsync(Uri server, int sessions, TimeSpan duration, byte[] frame)
    {
        var latencies = new List<double>();
        long refused = 0, answered = 0;
        var failed = 0;
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);
        async Task Page()
        {
            using var socket = new ClientWebSocket();
            socket.Options.SetRequestHeader("Origin", $"{server.Scheme}://{server.Authority}");
            try
            {
                await socket.ConnectAsync(new Uri($"{(server.Scheme == "https" ? "wss" : "ws")}://{server.Authority}/ws"), CancellationToken.None);
            }
            catch (WebSocketException)
            {
                Interlocked.Increment(ref failed);
                return;
            }
            var buffer = new byte[64 * 1024];
            var rate = 1.0;
            var mine = new List<double>();
            try
            {
                var next = Stopwatch.GetTimestamp();
                while (!stop.IsCancellationRequested)
                {
                    var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, stop.Token);
                    }
                    var sent = Stopwatch.GetTimestamp();
                    await socket.SendAsync(frame, WebSocketMessageType.Binary, true, stop.Token);
                    while (true)
                    {
                        var message = await ReceiveAsync(socket, buffer, stop.Token);
                        if (message is null)
                        {
                            return;
                        }
                        using var json = message;
                        var type = json.RootElement.GetProperty("type").GetString();
                        if (type == "rate")
                        {
                            rate = Math.Max(0.1, json.RootElement.GetProperty("max_fps").GetDouble());
                            if (json.RootElement.GetProperty("refused").GetBoolean())
                            {
                                Interlocked.Increment(ref refused);
                                break;
                            }
                            continue;
                        }
                        mine.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                        Interlocked.Increment(ref answered);
                        break;
                    }
                    next = sent + (long)(Stopwatch.Frequency / rate);
                }
            }
            catch (OperationCanceledException)
            {
            }
            lock (latencies)
            {
                latencies.AddRange(mine);
            }
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, sessions).Select(_ => Task.Run(Page)));
        var elapsed = clock.Elapsed.TotalSeconds;
        latencies.Sort();
        using var http = new HttpClient();
        using var health = JsonDocument.Parse(await http.GetStringAsync(new Uri(server, "/healthz")));
        return new LoadResult(answered / elapsed,
            latencies.Count == 0 ? double.NaN : Quantiles.OfSorted(latencies, 0.5),
            latencies.Count == 0 ? double.NaN : Quantiles.OfSorted(latencies, 0.95),
            refused, failed, health.RootElement.GetProperty("memory_mb").GetDouble());
    }

    private static async Task<JsonDocument?> ReceiveAsync(WebSocket socket, byte[] buffer, CancellationToken cancellation)
    {
        var length = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellation);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            length += result.Count;
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(buffer.AsMemory(0, length).ToArray());
            }
        }
    }
}
