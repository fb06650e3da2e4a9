namespace FerMusic.Runtime.Smoothing;

/// <param name="Alpha">Weight of the newest frame in the moving average of probabilities.</param>
/// <param name="HoldSeconds">How long, in seconds, a new emotion must lead before it is reported.</param>
/// <param name="MinConfidence">Below this averaged probability the state is "uncertain".</param>
/// <param name="NoFaceAfterSeconds">How long, in seconds, without a face before the state is "no face".</param>
public sealed record SmoothingOptions(double Alpha = 0.3, double HoldSeconds = 0.6, double MinConfidence = 0.4, double NoFaceAfterSeconds = 1.0);
