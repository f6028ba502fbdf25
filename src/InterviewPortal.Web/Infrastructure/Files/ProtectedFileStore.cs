using System.Security.Cryptography;

namespace InterviewPortal.Web.Infrastructure.Files;

/// <summary>
/// Sensitive files (ID photos, ID-card and admission-ticket images) encrypted at rest with AES-256-GCM,
/// under {Storage:Root}/protected, outside the web root and never served as static files. The key comes
/// from Storage:FileKey (base64, 32 bytes) or, when absent, a key file created once under {Storage:Root}/keys.
/// </summary>
public sealed class ProtectedFileStore
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] key;
    private readonly string folder;

    public ProtectedFileStore(IConfiguration configuration)
    {
        var root = Path.GetFullPath(configuration["Storage:Root"] ?? "App_Data");
        folder = Path.Combine(root, "protected");
        Directory.CreateDirectory(folder);
        key = LoadKey(configuration["Storage:FileKey"], Path.Combine(root, "keys", "file.key"));
    }

    /// <summary>Encrypts and stores the bytes; returns the opaque key to keep in the database.</summary>
    public async Task<string> SaveAsync(ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var id = Guid.NewGuid().ToString("N");
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var sealedBytes = new byte[NonceSize + TagSize + content.Length];
        using (var aes = new AesGcm(key, TagSize))
            aes.Encrypt(nonce, content.Span, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), AssociatedData(id));
        nonce.CopyTo(sealedBytes, 0);
        await File.WriteAllBytesAsync(PathOf(id), sealedBytes, ct);
        return id;
    }

    /// <summary>The decrypted bytes, or null when the file is gone (deleted by retention).</summary>
    public async Task<byte[]?> ReadAsync(string id, CancellationToken ct)
    {
        var path = PathOf(id);
        if (!File.Exists(path))
            return null;
        var sealedBytes = await File.ReadAllBytesAsync(path, ct);
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain, AssociatedData(id));
        return plain;
    }

    public bool Delete(string id)
    {
        var path = PathOf(id);
        if (!File.Exists(path))
            return false;
        File.Delete(path);
        return true;
    }

    /// <summary>Where a stored file lies on disk (tests read it to prove it is not plain).</summary>
    public string PathOf(string id)
    {
        if (id.Length != 32 || !id.All(char.IsAsciiHexDigit))
            throw new ArgumentException("Not a stored file id.", nameof(id));
        return Path.Combine(folder, id + ".bin");
    }

    private static byte[] AssociatedData(string id) => System.Text.Encoding.ASCII.GetBytes(id);

    private static byte[] LoadKey(string? configured, string keyFile)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var bytes = Convert.FromBase64String(configured);
            if (bytes.Length != 32)
                throw new InvalidOperationException("Storage:FileKey must be 32 bytes, base64-encoded.");
            return bytes;
        }
        if (File.Exists(keyFile))
            return Convert.FromBase64String(File.ReadAllText(keyFile).Trim());
        Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
        var generated = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(keyFile, Convert.ToBase64String(generated));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return generated;
    }
}
