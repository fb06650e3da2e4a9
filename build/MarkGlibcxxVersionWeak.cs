using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Marks a GLIBCXX version requirement WEAK in ELF64 little-endian shared libraries, but only when the
/// system's libstdc++ does not define that version.
/// </summary>
public sealed class MarkGlibcxxVersionWeak : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const byte VerFlagWeak = 0x2;

    [Required]
    public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

    [Required]
    public string Version { get; set; } = "";

    public override bool Execute()
    {
        var libstdcxx = FindSystemLibstdcxx();
        if (libstdcxx == null)
        {
            Log.LogMessage(MessageImportance.Low, "No system libstdc++ found; leaving TorchSharp's native library as it is.");
            return true;
        }
        if (Contains(File.ReadAllBytes(libstdcxx), Encoding.ASCII.GetBytes(Version + "\0")))
        {
            Log.LogMessage(MessageImportance.Low, libstdcxx + " has " + Version + "; no change needed.");
            return true;
        }
        foreach (var item in Libraries)
        {
            var path = item.ItemSpec;
            var bytes = File.ReadAllBytes(path);
            string problem;
            var marked = MarkWeak(bytes, Version, out problem);
            if (problem != null)
            {
                Log.LogWarning(path + ": " + problem);
                continue;
            }
            if (marked > 0)
            {
                // Write a new file rather than in place, so that a hard link into the NuGet cache stays untouched.
                File.Delete(path);
                File.WriteAllBytes(path, bytes);
                Log.LogMessage(MessageImportance.Normal, "Marked " + Version + " weak in " + path + " (" + libstdcxx + " lacks it).");
            }
        }
        return !Log.HasLoggedErrors;
    }

    private static string FindSystemLibstdcxx()
    {
        string[] candidates =
        {
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
            "/usr/lib64/libstdc++.so.6",
            "/usr/lib/libstdc++.so.6",
            "/lib/x86_64-linux-gnu/libstdc++.so.6",
        };
        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <returns>How many entries were changed now; 0 when they were already weak or absent.</returns>
    private static int MarkWeak(byte[] elf, string version, out string problem)
    {
        problem = null;
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        {
            problem = "not an ELF file";
            return 0;
        }
        if (elf[4] != 2 || elf[5] != 1)
        {
            problem = "not a 64-bit little-endian ELF file";
            return 0;
        }
        var sectionOffset = (long)BitConverter.ToUInt64(elf, 0x28);
        int sectionSize = BitConverter.ToUInt16(elf, 0x3A);
        int sectionCount = BitConverter.ToUInt16(elf, 0x3C);
        var changed = 0;
        for (var s = 0; s < sectionCount; s++)
        {
            var header = sectionOffset + (long)s * sectionSize;
            if (BitConverter.ToUInt32(elf, (int)header + 4) != ShtGnuVerneed)
            {
                continue;
            }
            var offset = (long)BitConverter.ToUInt64(elf, (int)header + 24);
            var link = BitConverter.ToUInt32(elf, (int)header + 40);
            var entries = BitConverter.ToUInt32(elf, (int)header + 44);
            var stringsOffset = (long)BitConverter.ToUInt64(elf, (int)(sectionOffset + link * sectionSize) + 24);

            var verneed = offset;
            for (var n = 0; n < entries; n++)
            {
                int auxCount = BitConverter.ToUInt16(elf, (int)verneed + 2);
                var aux = verneed + BitConverter.ToUInt32(elf, (int)verneed + 8);
                for (var a = 0; a < auxCount; a++)
                {
                    var name = ReadString(elf, stringsOffset + BitConverter.ToUInt32(elf, (int)aux + 8));
                    var flags = aux + 4;
                    if (name == version && (elf[flags] & VerFlagWeak) == 0)
                    {
                        elf[flags] |= VerFlagWeak;
                        changed++;
                    }
                    aux += BitConverter.ToUInt32(elf, (int)aux + 12);
                }
                verneed += BitConverter.ToUInt32(elf, (int)verneed + 12);
            }
        }
        return changed;
    }

    private static string ReadString(byte[] bytes, long offset)
    {
        var end = offset;
        while (end < bytes.Length && bytes[end] != 0)
        {
            end++;
        }
        return Encoding.ASCII.GetString(bytes, (int)offset, (int)(end - offset));
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j])
            {
                j++;
            }
            if (j == needle.Length)
            {
                return true;
            }
        }
        return false;
    }
}
