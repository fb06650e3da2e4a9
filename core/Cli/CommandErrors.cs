namespace FerMusic.Core.Cli;

/// <summary>
/// How every FerMusic program ends on an error: a problem with the user's input or environment (a
/// <see cref="UserErrorException"/>, data that is not what it should be, a file or folder that is missing or cannot be
/// read or written) is one line on stderr and exit code 1; anything else is a bug: its stack trace and exit code 70
/// (EX_SOFTWARE).
/// </summary>
public static class CommandErrors
{
    public const int UserError = 1;
    public const int InternalError = 70;

    public static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (IsUsers(e))
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return UserError;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"internal error (a bug in FerMusic; please report it with what follows): {e}");
            return InternalError;
        }
    }

    /// <summary>Whether an exception is about the user's input or environment rather than a bug.</summary>
    public static bool IsUsers(Exception e) => e is UserErrorException or InvalidDataException or IOException or UnauthorizedAccessException;
}
