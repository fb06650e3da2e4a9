using FerMusic.Tests;
using FerMusic.Train.Cli;

namespace FerMusic.Train.Tests.Cli;

/// <summary>The trainer's command line: each option checked where it is declared, errors before any work.</summary>
[Collection(nameof(TrainCommandTests))]
public sealed class TrainCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static (int Exit, string Error) Run(params string[] args)
    {
        var original = Console.Error;
        using var error = new StringWriter();
        Console.SetError(error);
        try
        {
            return (TrainCommand.Run(args), error.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }

    [Theory]
    [InlineData("--epochs", "0", "--epochs must be a positive number")]
    [InlineData("--batch-size", "-3", "--batch-size must be a positive number")]
    [InlineData("--teacher-weight", "1.5", "--teacher-weight must be between 0 and 1")]
    [InlineData("--mixup", "-0.2", "--mixup must be 0 or more")]
    [InlineData("--mixup-until", "0", "--mixup-until must be a fraction of the epochs above 0")]
    [InlineData("--mixup-until", "1.5", "--mixup-until must be a fraction of the epochs above 0")]
    [InlineData("--sam", "-0.05", "--sam must be 0 or more")]
    [InlineData("--sam-from", "1", "--sam-from must be a fraction of the epochs")]
    [InlineData("--time-budget", "0", "--time-budget must be a positive number of minutes")]
    [InlineData("--arch", "alexnet", "alexnet")]
    public void A_bad_option_value_is_refused_with_the_option_named_before_any_work(string option, string value, string message)
    {
        var (exit, error) = Run("--data", _temp.File("absent.csv"), "--out", _temp.File("out"), option, value);

        Assert.Equal(1, exit);
        Assert.Contains(message, error);
        Assert.False(Directory.Exists(_temp.File("out")));
    }

    [Fact]
    public void An_output_path_that_is_a_file_fails_before_the_data_is_read()
    {
        var file = _temp.File("taken");
        File.WriteAllText(file, "");

        var (exit, error) = Run("--data", _temp.File("absent.csv"), "--out", file);

        Assert.Equal(1, exit);
        Assert.Contains("--out", error);
        Assert.DoesNotContain("FER2013 file not found", error);
    }

    [Fact]
    public void Help_lists_every_architecture_with_its_parameters()
    {
        var original = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            Assert.Equal(0, TrainCommand.Run(["--help"]));
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.Contains("vgg       1,165,159 parameters", output.ToString());
        Assert.Contains("--time-budget", output.ToString());
    }
}
