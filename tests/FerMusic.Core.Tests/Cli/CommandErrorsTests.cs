using FerMusic.Core.Cli;
using FerMusic.Core.Fer2013;
using FerMusic.Core.Model;

namespace FerMusic.Core.Tests.Cli;

/// <summary>Problems of the user's making end in one line and exit code 1; bugs keep their stack trace and exit with 70.</summary>
[Collection(nameof(ConsoleRedirection))]
public sealed class CommandErrorsTests
{
    private static (int Exit, string Error) Run(Func<int> action)
    {
        var original = Console.Error;
        using var error = new StringWriter();
        Console.SetError(error);
        try
        {
            return (CommandErrors.Run(action), error.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }

    public static TheoryData<Exception> UsersProblems => new()
    {
        new UserErrorException("--tracks must be positive."),
        new ModelContractException("m.onnx", "model file not found"),
        new Fer2013FormatException("f.csv", 3, "expected 2304 pixels"),
        new InvalidDataException("f.csv.gz: truncated or damaged gzip file"),
        new FileNotFoundException("Model file not found: m.onnx"),
        new DirectoryNotFoundException("Picture folder not found: x"),
        new UnauthorizedAccessException("Access to the path 'out' is denied."),
        new IOException("No space left on device"),
    };

    [Theory]
    [MemberData(nameof(UsersProblems))]
    public void A_problem_with_the_users_input_is_one_line_and_exit_code_1(Exception problem)
    {
        var (exit, error) = Run(() => throw problem);

        Assert.Equal(1, exit);
        Assert.Equal($"error: {problem.Message}", error.TrimEnd());
        Assert.DoesNotContain(" at ", error);
    }

    public static TheoryData<Exception> Bugs => new()
    {
        new ArgumentException("Sizes must be positive"),
        new InvalidOperationException("Sequence contains no elements"),
        new NullReferenceException(),
        new IndexOutOfRangeException(),
    };

    [Theory]
    [MemberData(nameof(Bugs))]
    public void Anything_else_is_a_bug_with_its_stack_trace_and_exit_code_70(Exception bug)
    {
        var (exit, error) = Run(() => throw bug);

        Assert.Equal(70, exit);
        Assert.StartsWith("internal error", error);
        Assert.Contains(bug.GetType().FullName!, error);
        Assert.Contains(" at ", error);
    }

    [Fact]
    public void A_normal_end_passes_the_exit_code_through()
    {
        Assert.Equal((3, ""), Run(() => 3));
    }
}

[CollectionDefinition(nameof(ConsoleRedirection), DisableParallelization = true)]
public sealed class ConsoleRedirection;
