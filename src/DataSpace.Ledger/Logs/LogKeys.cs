using System.Security.Cryptography;
using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Notes;

namespace DataSpace.Ledger.Logs;

/// <summary>
/// Bridges the Crypto key types to the note types of checkpoints: an Ed25519 verifier key string
/// (<see cref="Ed25519PublicKey"/>) is byte-for-byte a C2SP note verifier key of type 0x01, so the
/// same key checks signed JSON and signed notes.
/// </summary>
public static class LogKeys
{
    public static NoteSigner ToNoteSigner(Ed25519Signer key)
    {
        var seed = key.ExportSeed();
        try
        {
            return NoteSigner.FromSeed(key.Name, seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    public static NoteVerifier ToNoteVerifier(Ed25519PublicKey key) => NoteVerifier.Create(key.Name, NoteSignatureType.Ed25519, key.Key);

    /// <summary>Writes a key file, or checks that the existing one holds the same key.</summary>
    public static void WriteOrCheck(string path, Ed25519PublicKey key)
    {
        if (File.Exists(path))
        {
            if (!TryRead(path, out var existing, out var error) || !existing!.Equals(key))
            {
                throw new InvalidDataException($"{path} holds {(existing?.VerifierKey ?? error)}, not {key.VerifierKey}: this directory belongs to another log.");
            }
            return;
        }
        var temporary = path + ".partial";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(key.VerifierKey + "\n"));
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: false);
    }

    /// <summary>Reads a one-line verifier key file strictly (one key, one final newline).</summary>
    public static bool TryRead(string path, out Ed25519PublicKey? key, out string? error)
    {
        key = null;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read {Path.GetFileName(path)}: {e.Message}";
            return false;
        }
        if (!text.EndsWith('\n') || text.IndexOf('\n') != text.Length - 1)
        {
            error = $"{Path.GetFileName(path)} must hold one verifier key and a newline";
            return false;
        }
        return Ed25519PublicKey.TryParse(text[..^1], out key, out error);
    }
}
