namespace FerMusic.Vision.Detection;

/// <summary>Finds the YuNet model: an explicit path, the copy beside the program, or the shared data folder.</summary>
public static class YuNetLocator
{
    public const string FileName = "face_detection_yunet_2023mar.onnx";

    public static string Resolve(string? path)
    {
        if (path is not null)
        {
            return File.Exists(path) ? path : throw new FileNotFoundException($"YuNet model not found: {path}", path);
        }
        string[] candidates =
        [
            Path.Combine(AppContext.BaseDirectory, "models", "detectors", FileName),
            .. SharedFolders().Select(folder => Path.Combine(folder, "data", "detectors", FileName)),
        ];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"The YuNet face detector ({FileName}) was not found beside the program or in the shared data folder; " +
                "pass --yunet <path to the .onnx> (OpenCV's opencv_zoo, models/face_detection_yunet).");
    }

    private static IEnumerable<string> SharedFolders()
    {
        if (Environment.GetEnvironmentVariable("FERMUSIC_SHARED") is { Length: > 0 } shared)
        {
            yield return shared;
        }
        yield return Path.Combine(Directory.GetCurrentDirectory(), "..", "shared");
    }
}
