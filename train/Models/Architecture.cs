namespace FerMusic.Train.Models;

/// <summary>A named network design the trainer offers.</summary>
public sealed record Architecture(string Name, string Description, Func<int, EmotionNet> Create);
