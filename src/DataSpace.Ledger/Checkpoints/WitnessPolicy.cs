using DataSpace.Ledger.Notes;

namespace DataSpace.Ledger.Checkpoints;

/// <summary>
/// A k-of-n quorum of trusted witnesses: a checkpoint is trusted by a client only once at least
/// <see cref="Threshold"/> of them cosigned it (c2sp.org/tlog-cosignature), which defeats a log
/// showing different views to different clients.
/// </summary>
/// <param name="Witnesses">Cosigner keys (type 0x04).</param>
/// <param name="Threshold">How many distinct witnesses must have cosigned.</param>
public sealed record WitnessPolicy(IReadOnlyList<NoteVerifier> Witnesses, int Threshold)
{
    /// <summary>Checks the note's cosignatures against the quorum.</summary>
    public Verdict Check(SignedNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var cosigners = Witnesses.Where(w => w.Type == NoteSignatureType.CosignatureV1).ToArray();
        var valid = 0;
        foreach (var witness in cosigners)
        {
            var signature = note.Signatures.FirstOrDefault(s => s.Name == witness.Name && s.KeyId == witness.KeyId);
            if (signature is null)
            {
                continue;
            }
            if (!witness.Verify(note.Text, signature.Signature))
            {
                return Verdict.Invalid($"the cosignature by {witness.Name} does not verify");
            }
            valid++;
        }
        return valid >= Threshold ? Verdict.Valid : Verdict.Invalid($"{valid} of the required {Threshold} witness cosignatures");
    }
}
