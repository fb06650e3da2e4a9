using OpenCvSharp;

namespace FerMusic.Runtime.Tests.Web;

/// <summary>Writes a still image as a YUV4MPEG2 (4:2:0) video, which Chromium can play as a fake camera; the image keeps its aspect ratio.</summary>
internal static class Y4mWriter
{
    public static void Write(string path, Mat image, int frames, int width = 640, int height = 480, int fps = 10)
    {
        var scale = Math.Min((double)width / image.Width, (double)height / image.Height);
        using var scaled = new Mat();
        Cv2.Resize(image, scaled, new Size((int)(image.Width * scale), (int)(image.Height * scale)));
        using var sized = new Mat(height, width, MatType.CV_8UC3, Scalar.All(0));
        scaled.CopyTo(new Mat(sized, new Rect((width - scaled.Width) / 2, (height - scaled.Height) / 2, scaled.Width, scaled.Height)));
        using var yuv = new Mat();
        Cv2.CvtColor(sized, yuv, ColorConversionCodes.BGR2YUV_I420);
        var planes = new byte[width * height * 3 / 2];
        yuv.GetArray(out byte[] data);
        Array.Copy(data, planes, planes.Length);
        using var file = File.Create(path);
        file.Write(System.Text.Encoding.ASCII.GetBytes($"YUV4MPEG2 W{width} H{height} F{fps}:1 Ip A1:1 C420jpeg\n"));
        for (var i = 0; i < frames; i++)
        {
            file.Write("FRAME\n"u8);
            file.Write(planes);
        }
    }
}
