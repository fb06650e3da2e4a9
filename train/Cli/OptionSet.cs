using System.CommandLine;

namespace FerMusic.Train.Cli;

/// <summary>
/// Command-line options declared once each: the option itself, its check, and where its value goes in a settings
/// record of type <typeparamref name="T"/>. Adding an option puts it on the command; <see cref="Bind"/> builds the record.
/// </summary>
internal sealed class OptionSet<T>(Command command)
{
    private readonly List<Func<ParseResult, T, T>> _binders = [];

    /// <param name="check">Returns what is wrong with a value, or null; a problem is a parse error that names the option.</param>
    public Option<TValue> Add<TValue>(Option<TValue> option, Func<T, TValue, T> bind, Func<TValue, string?>? check = null)
    {
        if (check is not null)
        {
            option.Validators.Add(result =>
            {
                if (check(result.GetValueOrDefault<TValue>()) is { } problem)
                {
                    result.AddError($"{option.Name} {problem}");
                }
            });
        }
        command.Options.Add(option);
        _binders.Add((parse, target) => bind(target, parse.GetValue(option)!));
        return option;
    }

    public T Bind(ParseResult parse, T start) => _binders.Aggregate(start, (target, bind) => bind(parse, target));

    public static string? Positive(int value) => value > 0 ? null : $"must be a positive number, got {value}.";

    public static string? NotNegative(int value) => value >= 0 ? null : $"must be 0 or more, got {value}.";

    public static string? NotNegative(double value) => value >= 0 ? null : $"must be 0 or more, got {value}.";

    public static string? Fraction(double value) => value is >= 0 and <= 1 ? null : $"must be between 0 and 1, got {value}.";
}
