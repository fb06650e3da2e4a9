using System.Security.Cryptography;

namespace FerMusic.Core.IO;

/// <summary>Hashes of files, for reports and model cards.</summary>
public static class FileHash
{
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
