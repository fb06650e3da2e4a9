namespace FerMusic.Core.Faces;

/// <summary>How a detected face is mapped onto a model's framing.</summary>
public enum FaceAlignment
{
    /// <summary>Scale and position from the detector's box; no rotation.</summary>
    Box,

    /// <summary>Scale and position from the box, rotated so the eyes lie as level as in the framing (when both have eyes).</summary>
    Level,

    /// <summary>Scale, position and rotation from the eyes alone (when both have eyes; the box otherwise).</summary>
    Eyes,
}
