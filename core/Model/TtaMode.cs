namespace FerMusic.Core.Model;

/// <summary>Test-time augmentation: the probabilities of several views of each face are averaged.</summary>
public enum TtaMode
{
    /// <summary>The face as it is.</summary>
    None,

    /// <summary>The face and its mirror image.</summary>
    Flip,

    /// <summary>Five 44x44 crops (corners and centre) and their mirrors, each resized back to 48x48.</summary>
    TenCrop,
}
