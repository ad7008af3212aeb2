using DataSpace.Core.Json;
using DataSpace.Core.Policies;
using DataSpace.Core.Results;
using DataSpace.Crypto.Keys;
using DataSpace.Hosting.Policies;
using DataSpace.Ledger.Entries;

namespace DataSpace.Connector.Brokering;

/// <summary>
/// Makes sure the policy bundle this connector decides with is in the ledger before any of its
/// decisions is: an auditor re-evaluates each decision with the bundle of its digest, from the
/// ledger alone. Once per process; a bundle someone already recorded counts as recorded.
/// </summary>
internal sealed class BundleRecorder(BrokerClient broker, PolicyGate policy, ParticipantKeys keys)
{
    private volatile bool _recorded;

    public async Task<Error?> EnsureAsync(CancellationToken cancellationToken)
    {
        if (_recorded)
        {
            return null;
        }
        var entry = LedgerEntry.FromRecord(PolicyBundleRecord.EntryType, policy.BundleRecord(), [keys.Signer]);
        var recorded = await broker.RecordAsync(entry, cancellationToken).ConfigureAwait(false);
        if (recorded.IsSuccess || recorded.Error.Kind == ErrorKind.Conflict)
        {
            _recorded = true;
            return null;
        }
        return recorded.Error;
    }
}
