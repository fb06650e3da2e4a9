namespace FerMusic.Runtime.Spotify;

/// <summary>Spotify could not be used for this request (refused, offline, too slow); callers fall back to the local catalogue.</summary>
public sealed class SpotifyException(string message, Exception? inner = null) : Exception(message, inner);
