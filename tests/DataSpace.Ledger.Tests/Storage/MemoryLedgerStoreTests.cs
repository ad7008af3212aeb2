using DataSpace.Ledger.Storage;

namespace DataSpace.Ledger.Tests.Storage;

/// <summary>The store contract against the in-memory store.</summary>
public sealed class MemoryLedgerStoreTests : LedgerStoreContract
{
    protected override ValueTask<ILedgerStore> CreateAsync() => ValueTask.FromResult<ILedgerStore>(new MemoryLedgerStore());
}
