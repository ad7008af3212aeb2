using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Domain;
using DataSpace.Ledger.Entries;
using DataSpace.Ledger.Logs;

namespace DataSpace.Cli.Ledger;

/// <summary>
/// The domain rules <c>dataspace audit</c> replays after the log's own checks, in this order:
/// the space's invariants (<see cref="SpaceRule"/>, the very projection the broker runs) and the
/// re-evaluation of every recorded policy decision (<see cref="DecisionReplayRule"/>).
/// </summary>
internal sealed class AuditRules
{
    public AuditRules(string operatorId)
    {
        OperatorId = operatorId;
        Space = new SpaceRule(operatorId);
        Decisions = new DecisionReplayRule();
    }

    /// <summary>The operator's participant id: the name of its key.</summary>
    public string OperatorId { get; }

    public SpaceRule Space { get; }

    public DecisionReplayRule Decisions { get; }

    /// <summary>The rules for <c>LedgerAuditOptions.Rules</c>; one audit, one set of instances.</summary>
    public IReadOnlyList<Func<IEntryRule>> Factories => [() => Space, () => Decisions];

    /// <summary>
    /// The operator id: the trusted key's name, else the name of the key in the ledger's
    /// <c>operator.vkey</c>. When neither is known the auditor reports the key file, and no entry
    /// that needs the operator's signature passes.
    /// </summary>
    public static AuditRules For(string directory, Ed25519PublicKey? trustedOperator)
    {
        if (trustedOperator is not null)
        {
            return new AuditRules(trustedOperator.Name);
        }
        try
        {
            var text = File.ReadAllText(Path.Combine(directory, LedgerLayout.OperatorKeyFile));
            return new AuditRules(Ed25519PublicKey.TryParse(text.TrimEnd('\n'), out var key, out _) ? key!.Name : string.Empty);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new AuditRules(string.Empty);
        }
    }
}
