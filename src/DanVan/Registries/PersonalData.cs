using System.Security.Cryptography;
using System.Text;

namespace DanVan.Registries;

/// <summary>
/// Protects citizens' ID numbers (Nghị định 13/2023/NĐ-CP): AES-GCM encryption and an HMAC-SHA256 keyed hash for
/// matching, both from one 32-byte key kept outside the database (a key file or an environment variable).
/// </summary>
public sealed class PersonalDataProtector
{
    private readonly byte[] _encryptionKey;
    private readonly byte[] _hashKey;

    /// <summary>A protector from a 32-byte master key; the encryption and hash keys are derived from it.</summary>
    public PersonalDataProtector(byte[] masterKey)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        if (masterKey.Length != 32) throw new ArgumentException("the personal-data key must be 32 bytes", nameof(masterKey));
        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "danvan-id-encryption"u8.ToArray());
        _hashKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "danvan-id-hash"u8.ToArray());
    }

    /// <summary>A protector from a base64 key.</summary>
    public static PersonalDataProtector FromBase64(string key) => new(Convert.FromBase64String(key.Trim()));

    /// <summary>The key in <paramref name="path"/>, created (random, readable by the owner only) when missing.</summary>
    public static PersonalDataProtector FromKeyFile(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return FromBase64(File.ReadAllText(path));
    }

    /// <summary>Environment variable holding the key (base64) for hosts without a configuration file (the CLI).</summary>
    public const string KeyVariable = "DANVAN_PERSONAL_DATA_KEY";

    /// <summary>The key given (base64), else the key file given, else <paramref name="defaultKeyFile"/> (created when missing).</summary>
    public static PersonalDataProtector Resolve(string? key, string? keyFile, string defaultKeyFile) =>
        !string.IsNullOrWhiteSpace(key) ? FromBase64(key) : FromKeyFile(string.IsNullOrWhiteSpace(keyFile) ? defaultKeyFile : keyFile);

    /// <summary>The digits of an ID number (CCCD 12, CMND 9), or null when none are given.</summary>
    public static string? Digits(string? idNumber)
    {
        if (string.IsNullOrWhiteSpace(idNumber)) return null;
        var digits = new string(idNumber.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 0 ? null : digits;
    }

    /// <summary>True for a CMND (9 digits) or CCCD (12 digits), spaces and dots aside, and nothing else.</summary>
    public static bool IsWellFormed(string idNumber) =>
        idNumber.All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '-') && Digits(idNumber) is { Length: 9 or 12 };

    /// <summary>The encrypted ID number (nonce, cipher text and tag, base64).</summary>
    public string Encrypt(string digits)
    {
        var plain = Encoding.UTF8.GetBytes(digits);
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var cipher = new byte[plain.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(_encryptionKey, tag.Length)) aes.Encrypt(nonce, plain, cipher, tag);
        return Convert.ToBase64String([.. nonce, .. tag, .. cipher]);
    }

    /// <summary>The ID number back from <see cref="Encrypt"/>.</summary>
    public string Decrypt(string stored)
    {
        var all = Convert.FromBase64String(stored);
        var nonceSize = AesGcm.NonceByteSizes.MaxSize;
        var tagSize = AesGcm.TagByteSizes.MaxSize;
        var plain = new byte[all.Length - nonceSize - tagSize];
        using (var aes = new AesGcm(_encryptionKey, tagSize))
            aes.Decrypt(all.AsSpan(0, nonceSize), all.AsSpan(nonceSize + tagSize), all.AsSpan(nonceSize, tagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The keyed hash of the digits (hex): equal numbers give equal hashes, and it cannot be reversed without the key.</summary>
    public string Hash(string digits) => Convert.ToHexStringLower(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(digits)));
}

/// <summary>Masked forms of personal data, for readers who only need counts (Nghị định 13/2023/NĐ-CP: least access).</summary>
public static class Masking
{
    /// <summary>"Nguyễn Văn An" → "N. V. A.".</summary>
    public static string? Name(string? name) => string.IsNullOrWhiteSpace(name) ? null
        : string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + "."));

    /// <summary>"044190001234" → "*********234".</summary>
    public static string? IdNumber(string? digits) => digits is null ? null
        : digits.Length <= 3 ? new string('*', digits.Length) : new string('*', digits.Length - 3) + digits[^3..];

    /// <summary>Only the last part of an address (the district or province): "thôn 3, xã X, huyện Y" → "***, huyện Y".</summary>
    public static string? Address(string? address)
    {
        if (string.IsNullOrWhiteSpace(address)) return null;
        var parts = address.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length <= 1 ? "***" : "***, " + parts[^1];
    }

    /// <summary>"0912345678" → "*******678".</summary>
    public static string? Phone(string? phone)
    {
        var digits = PersonalDataProtector.Digits(phone);
        return digits is null ? null : IdNumber(digits);
    }
}

/// <summary>A citizen as a reader sees them: in full for the personal-data permission, masked otherwise.</summary>
/// <param name="Name">Name.</param>
/// <param name="IdNumber">ID number.</param>
/// <param name="Address">Address.</param>
/// <param name="Phone">Phone.</param>
/// <param name="Masked">True when masked.</param>
public sealed record CitizenView(string? Name, string? IdNumber, string? Address, string? Phone, bool Masked)
{
    /// <summary>The view of <paramref name="c"/>, in full (<paramref name="personal"/>) or masked.</summary>
    public static CitizenView Of(Citizen c, bool personal, PersonalDataProtector protector)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(protector);
        var id = c.IdNumberCipher is null ? null : protector.Decrypt(c.IdNumberCipher);
        return personal
            ? new(c.Name, id, c.Address, c.Phone, false)
            : new(Masking.Name(c.Name), Masking.IdNumber(id), Masking.Address(c.Address), Masking.Phone(c.Phone), true);
    }
}
