namespace FerMusic.Core.Cli;

/// <summary>
/// A problem with what the user asked for or gave (an option, a file, a model): the programs print its message on one
/// line and exit with code 1. Anything else that escapes is a bug and keeps its stack trace.
/// </summary>
public class UserErrorException(string message, Exception? inner = null) : Exception(message, inner);
