namespace DataSpace.Ledger.Checkpoints;

/// <summary>
/// Where a log keeps the cosignatures its witnesses send back: one note per checkpoint size and
/// witness (<see cref="AcceptedCosignature.Note"/>). Implementations: <see cref="FileCosignatureStore"/>
/// beside a file ledger, <see cref="Storage.Azure.AzureCosignatureStore"/> beside an Azure ledger, <see cref="MemoryCosignatureStore"/> for tests.
/// </summary>
public interface ICosignatureStore
{
    /// <summary>Stores a cosignature durably, replacing the same witness's earlier one for the same size.</summary>
    Task SaveAsync(AcceptedCosignature cosignature, CancellationToken cancellationToken = default);

    /// <summary>Every stored note of checkpoint size <paramref name="size"/>, one per witness, in no particular order.</summary>
    Task<IReadOnlyList<string>> LoadAsync(ulong size, CancellationToken cancellationToken = default);
}
