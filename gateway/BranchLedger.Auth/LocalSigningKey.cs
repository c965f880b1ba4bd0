using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace BranchLedger.Auth;

/// <summary>
/// The symmetric key local tokens are signed with. Generated on first use into a file only its owner
/// can read (kept under the git-ignored data folder by the scripts), never committed, never a default.
/// </summary>
public static class LocalSigningKey
{
    private const int KeyBytes = 32;

    /// <summary>Reads the key file, creating it with a fresh random key when it does not exist.</summary>
    public static SymmetricSecurityKey LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var writer = new StreamWriter(path, options);
                writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes)));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; use theirs.
            }
        }

        return FromBase64(File.ReadAllText(path).Trim());
    }

    /// <summary>A key given inline (base64 of at least 32 bytes).</summary>
    public static SymmetricSecurityKey FromBase64(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        return bytes.Length >= KeyBytes
            ? new SymmetricSecurityKey(bytes) { KeyId = "local" }
            : throw new ArgumentException($"A local signing key needs at least {KeyBytes} bytes.", nameof(base64));
    }

    /// <summary>A fresh random key as base64, for tests and first runs.</summary>
    public static string NewBase64() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes));
}
