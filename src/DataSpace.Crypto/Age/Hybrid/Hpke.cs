using System.Buffers.Binary;
using System.Security.Cryptography;

namespace DataSpace.Crypto.Age.Hybrid;

/// <summary>
/// The single-shot base mode of HPKE (RFC 9180) for age's one suite: KEM MLKEM768-X25519
/// (0x647A, <see cref="XWing"/>), KDF HKDF-SHA256 (0x0001), AEAD ChaCha20Poly1305 (0x0003;
/// Nk = 32, Nn = 12, Nt = 16). SealBase(pkR, info, aad, pt) is (enc, <see cref="Seal"/>(ss, …))
/// where (ss, enc) = Encap(pkR), and OpenBase(enc, skR, info, aad, ct) is <see cref="Open"/>(Decap(enc, skR), …):
/// RFC 9180 sections 5.1 (KeySchedule with mode_base and an empty PSK) and 5.2 (the first
/// message, sequence number 0, so the nonce is base_nonce itself).
/// </summary>
internal static class Hpke
{
    private const ushort KemId = 0x647A;
    private const ushort KdfId = 0x0001;
    private const ushort AeadId = 0x0003;
    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const byte ModeBase = 0x00;

    /// <summary>Nh, the HKDF-SHA256 extract output size.</summary>
    private const int Nh = 32;

    /// <summary>suite_id = "HPKE" ‖ I2OSP(kem_id, 2) ‖ I2OSP(kdf_id, 2) ‖ I2OSP(aead_id, 2) (RFC 9180 section 5.1).</summary>
    private static readonly byte[] SuiteId = [.. "HPKE"u8, .. BigEndian(KemId), .. BigEndian(KdfId), .. BigEndian(AeadId)];

    /// <summary>ContextS.Seal(aad, pt) for the first message after KeyScheduleS(mode_base, shared_secret, info).</summary>
    public static byte[] Seal(ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> info, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> plaintext)
    {
        var (key, nonce) = KeySchedule(sharedSecret, info);
        try
        {
            var ciphertext = new byte[plaintext.Length + TagSize];
            using var aead = new ChaCha20Poly1305(key);
            aead.Encrypt(nonce, plaintext, ciphertext.AsSpan(0, plaintext.Length), ciphertext.AsSpan(plaintext.Length), aad);
            return ciphertext;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>ContextR.Open(aad, ct) for the first message: the plaintext, or null when ct does not authenticate.</summary>
    public static byte[]? Open(ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> info, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> ciphertext)
    {
        if (ciphertext.Length < TagSize)
        {
            return null;
        }
        var (key, nonce) = KeySchedule(sharedSecret, info);
        var plaintext = new byte[ciphertext.Length - TagSize];
        try
        {
            using var aead = new ChaCha20Poly1305(key);
            aead.Decrypt(nonce, ciphertext[..plaintext.Length], ciphertext[plaintext.Length..], plaintext, aad);
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>RFC 9180 section 5.1, KeySchedule(mode_base, shared_secret, info, psk = "", psk_id = ""): (key, base_nonce).</summary>
    private static (byte[] Key, byte[] BaseNonce) KeySchedule(ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> info)
    {
        var pskIdHash = LabeledExtract([], "psk_id_hash"u8, []);
        var infoHash = LabeledExtract([], "info_hash"u8, info);
        byte[] context = [ModeBase, .. pskIdHash, .. infoHash];
        var secret = LabeledExtract(sharedSecret, "secret"u8, []);
        try
        {
            return (LabeledExpand(secret, "key"u8, context, KeySize), LabeledExpand(secret, "base_nonce"u8, context, NonceSize));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>LabeledExtract(salt, label, ikm) = Extract(salt, "HPKE-v1" ‖ suite_id ‖ label ‖ ikm).</summary>
    private static byte[] LabeledExtract(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> label, ReadOnlySpan<byte> ikm)
    {
        byte[] labeledIkm = [.. "HPKE-v1"u8, .. SuiteId, .. label, .. ikm];
        try
        {
            var prk = new byte[Nh];
            HKDF.Extract(HashAlgorithmName.SHA256, labeledIkm, salt, prk);
            return prk;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(labeledIkm);
        }
    }

    /// <summary>LabeledExpand(prk, label, info, L) = Expand(prk, I2OSP(L, 2) ‖ "HPKE-v1" ‖ suite_id ‖ label ‖ info, L).</summary>
    private static byte[] LabeledExpand(ReadOnlySpan<byte> prk, ReadOnlySpan<byte> label, ReadOnlySpan<byte> info, int length)
    {
        byte[] labeledInfo = [.. BigEndian((ushort)length), .. "HPKE-v1"u8, .. SuiteId, .. label, .. info];
        var output = new byte[length];
        HKDF.Expand(HashAlgorithmName.SHA256, prk, output, labeledInfo);
        return output;
    }

    private static byte[] BigEndian(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        return bytes;
    }
}
