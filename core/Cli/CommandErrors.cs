using FerMusic.Core.Fer2013;

namespace FerMusic.Core.Cli;

/// <summary>Turns the errors a user can cause into one clear line on stderr and exit code 1, without a stack trace.</summary>
public static class CommandErrors
{
    public static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is Fer2013FormatException or FileNotFoundException or DirectoryNotFoundException
                                       or InvalidDataException or ModelContractException or ArgumentException or InvalidOperationException
                                       or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
