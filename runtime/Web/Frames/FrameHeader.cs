using System.Buffers.Binary;

namespace FerMusic.Runtime.Web.Frames;

/// <summary>The format and size a picture declares in its header.</summary>
public readonly record struct FrameHeader(string Format, int Width, int Height)
{
    /// <summary>
    /// Reads a JPEG's or PNG's width and height from its header, without decoding it: a picture's header can claim a
    /// size (say 32768x32768) whose decoding would allocate gigabytes from a few kilobytes of data, so frames are
    /// checked here first. Anything that is not a well-formed JPEG or PNG header is refused.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out FrameHeader header)
    {
        header = default;
        return data.Length >= 24 && data[..8].SequenceEqual(PngSignature)
            ? TryReadPng(data, out header)
            : data.Length >= 4 && data[0] == 0xFF && data[1] == 0xD8 && TryReadJpeg(data, out header);
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The first chunk of a PNG is IHDR: width and height as big-endian 32-bit numbers.</summary>
    private static bool TryReadPng(ReadOnlySpan<byte> data, out FrameHeader header)
    {
        header = default;
        if (!data.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return false;
        }
        var width = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(16, 4));
        var height = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(20, 4));
        if (width is 0 or > int.MaxValue || height is 0 or > int.MaxValue)
        {
            return false;
        }
        header = new FrameHeader("png", (int)width, (int)height);
        return true;
    }

    /// <summary>Walks the JPEG's segments to its start-of-frame (SOF0-SOF15 but DHT, JPG and DAC), which holds the size.</summary>
    private static bool TryReadJpeg(ReadOnlySpan<byte> data, out FrameHeader header)
    {
        header = default;
        var position = 2;
        while (position + 4 <= data.Length)
        {
            if (data[position] != 0xFF)
            {
                return false;
            }
            var marker = data[position + 1];
            if (marker == 0xFF)
            {
                position++; // fill byte
                continue;
            }
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                position += 2; // markers without a length
                continue;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(position + 2, 2));
            if (length < 2)
            {
                return false;
            }
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (length < 7 || position + 9 > data.Length)
                {
                    return false;
                }
                var height = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(position + 5, 2));
                var width = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(position + 7, 2));
                if (width == 0 || height == 0)
                {
                    return false;
                }
                header = new FrameHeader("jpeg", width, height);
                return true;
            }
            if (marker is 0xD9 or 0xDA)
            {
                return false; // end of image or start of scan before any frame header
            }
            position += 2 + length;
        }
        return false;
    }
}
