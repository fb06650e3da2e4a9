using OpenCvSharp;

namespace FerMusic.Tests.Vision;

/// <summary>The shared photographs and detector model used by detection tests; a skip without them (a failure under CI).</summary>
public static class SharedFaces
{
    public static string Photo(string name) => SharedData.Require(Path.Combine(SharedData.Root, "data", "faces", name));

    public static string YuNet => SharedData.Require(Path.Combine(SharedData.Root, "data", "detectors", "face_detection_yunet_2023mar.onnx"));

    public static Mat Read(string name) => Cv2.ImRead(Photo(name), ImreadModes.Color);
}
