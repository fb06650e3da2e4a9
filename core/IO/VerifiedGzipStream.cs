using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace FerMusic.Core.IO;

/// <summary>
/// Decompresses a gzip file and, when the data ends, checks it against the file's trailer (the CRC-32 and length of
/// the uncompressed data that gzip writes last): .NET's <see cref="GZipStream"/> reads a truncated file without
/// complaint, which would silently lose every row after the cut. A file of several concatenated gzip members is not
/// supported (decompress it first).
/// </summary>
public sealed class VerifiedGzipStream : Stream
{
    private readonly FileStream _file;
    private readonly GZipStream _gzip;
    private readonly Crc32 _crc = new();
    private readonly string _name;
    private long _length;
    private bool _verified;

    public VerifiedGzipStream(FileStream file, string name)
    {
        _file = file;
        _name = name;
        _gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
    }

    /// <summary>Whether the file starts with gzip's magic bytes (its position is left at the start).</summary>
    public static bool IsGzip(FileStream file)
    {
        Span<byte> magic = stackalloc byte[2];
        var read = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    public override int Read(Span<byte> buffer)
    {
        var read = _gzip.Read(buffer);
        if (read > 0)
        {
            _crc.Append(buffer[..read]);
            _length += read;
        }
        else if (buffer.Length > 0 && !_verified)
        {
            Verify();
        }
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    private void Verify()
    {
        _verified = true;
        Span<byte> trailer = stackalloc byte[8];
        var size = RandomAccess.GetLength(_file.SafeFileHandle);
        if (size < 18 || RandomAccess.Read(_file.SafeFileHandle, trailer, size - 8) != 8)
        {
            throw new InvalidDataException($"{_name}: truncated gzip file ({size} bytes).");
        }
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        var length = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
        if (crc != _crc.GetCurrentHashAsUInt32() || length != (uint)_length)
        {
            throw new InvalidDataException(
                $"{_name}: truncated or damaged gzip file: its data ends after {_length:N0} bytes, which do not match the CRC and length " +
                "gzip recorded at the end of the file. Download or copy the file again.");
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _length; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }
        base.Dispose(disposing);
    }
}
