using DataSpace.Ledger.Notes;

namespace DataSpace.Ledger.Checkpoints;

/// <summary>A witness's answer: the cosignature line when cosigned, otherwise the reason for refusing.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Cosignature">The cosignature/v1 signature line, when <see cref="WitnessOutcome.Cosigned"/>.</param>
/// <param name="Reason">Why the witness refused, otherwise <c>null</c>.</param>
public sealed record WitnessResponse(WitnessOutcome Outcome, NoteSignature? Cosignature, string? Reason);
