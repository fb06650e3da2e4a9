using System.Text;

namespace FerMusic.Core.Fer2013;

/// <summary>Parses the <c>pixels</c> field: space-separated grey values 0..255, exactly one per pixel.</summary>
public static class PixelText
{
    /// <returns>null on success, otherwise what is wrong with the text.</returns>
    public static string? TryParse(ReadOnlySpan<byte> text, Span<byte> destination)
    {
        var count = 0;
        var i = 0;
        while (true)
        {
            while (i < text.Length && IsSpace(text[i]))
            {
                i++;
            }
            if (i == text.Length)
            {
                break;
            }
            var start = i;
            var value = 0;
            while (i < text.Length && !IsSpace(text[i]))
            {
                var digit = text[i] - (byte)'0';
                if ((uint)digit > 9)
                {
                    return $"pixel {count + 1} is '{Token(text, start)}', expected an integer 0..255";
                }
                value = value * 10 + digit;
                if (value > 255)
                {
                    return $"pixel {count + 1} is '{Token(text, start)}', expected an integer 0..255";
                }
                i++;
            }
            if (count == destination.Length)
            {
                return $"expected {destination.Length} pixel values, found more";
            }
            destination[count++] = (byte)value;
        }
        return count == destination.Length ? null : $"expected {destination.Length} pixel values, found {count}";
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t';

    private static string Token(ReadOnlySpan<byte> text, int start)
    {
        var end = start;
        while (end < text.Length && !IsSpace(text[end]))
        {
            end++;
        }
        var token = Encoding.UTF8.GetString(text[start..Math.Min(end, start + 20)]);
        return end - start > 20 ? token + "..." : token;
    }
}
