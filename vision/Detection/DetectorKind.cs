namespace FerMusic.Vision.Detection;

/// <summary>The face detectors FerMusic can use.</summary>
public enum DetectorKind
{
    /// <summary>OpenCV's frontal-face Haar cascade (boxes only).</summary>
    Haar,

    /// <summary>OpenCV's YuNet CNN (boxes and eyes).</summary>
    YuNet,
}
