namespace FerMusic.Train.Models;

/// <summary>A named network design the trainer offers.</summary>
/// <param name="Parameters">Its trainable parameters for seven classes (a test checks it against the built network), so that
/// <c>--help</c> can list the designs without building them.</param>
public sealed record Architecture(string Name, string Description, long Parameters, Func<int, EmotionNet> Create);
