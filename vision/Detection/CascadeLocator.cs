namespace FerMusic.Vision.Detection;

/// <summary>Finds OpenCV's frontal-face Haar cascade.</summary>
public static class CascadeLocator
{
    public const string FileName = "haarcascade_frontalface_default.xml";

    private static readonly string[] StandardFolders =
    [
        "/usr/share/opencv4/haarcascades",
        "/usr/share/opencv/haarcascades",
        "/usr/local/share/opencv4/haarcascades",
        "/opt/homebrew/share/opencv4/haarcascades",
    ];

    public static string Resolve(string? path)
    {
        if (path is not null)
        {
            return File.Exists(path) ? path : throw new FileNotFoundException($"Haar cascade not found: {path}", path);
        }
        return StandardFolders.Select(folder => Path.Combine(folder, FileName)).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"The face detector's Haar cascade ({FileName}) is not installed. On Debian or Ubuntu run " +
                "'sudo apt-get install opencv-data', or pass --cascade <path to the .xml>.");
    }
}
