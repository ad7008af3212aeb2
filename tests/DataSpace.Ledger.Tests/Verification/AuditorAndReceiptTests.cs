using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Logs;
using DataSpace.Ledger.Tests.Storage;
using DataSpace.Ledger.Verification;

namespace DataSpace.Ledger.Tests.Verification;

public sealed class AuditorAndReceiptTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Audit_PinnedLogKeyDiffers_ReportsKeyFileAndEveryCheckpoint()
    {
        using var other = Ed25519Signer.Generate(fixture.Keys.Log.Name);

        var report = await LedgerAuditor.AuditAsync(fixture.Pristine, new LedgerAuditOptions { TrustedLogKey = other.PublicKey }, cancellationToken: Token);

        Assert.Contains(report.Violations, v => v.Kind == ViolationKind.LedgerMetadata);
        Assert.Equal(12, report.Violations.Count(v => v.Kind == ViolationKind.CheckpointSignature));
    }

    [Fact]
    public async Task Audit_MissingDirectory_Throws() =>
        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => LedgerAuditor.AuditAsync("/nonexistent/ledger", cancellationToken: Token));

    [Fact]
    public async Task Audit_EntriesAfterLastCheckpoint_CountedAsUncovered()
    {
        using var copy = new TempDirectory();
        var ledger = fixture.Copy(copy.Path);
        File.Delete(Path.Combine(ledger, LedgerLayout.CheckpointsDirectory, LedgerLayout.CheckpointFileName(120)));

        var report = await LedgerAuditor.AuditAsync(ledger, cancellationToken: Token);

        Assert.True(report.IsValid);
        Assert.Equal(10UL, report.UncoveredEntries);
        Assert.Equal(110UL, report.LatestCheckpointSize);
    }

    [Fact]
    public async Task Receipt_CreatedFromDirectory_VerifiesAndRejectsOtherKeyAndEntry()
    {
        var receipt = await LedgerReceipts.CreateAsync(fixture.Pristine, 42, 50, Token);
        Assert.True(receipt.IsCreated, receipt.Error);
        var text = receipt.Proof!.Format();

        var check = LedgerReceipts.Verify(text, fixture.Keys.Log.PublicKey);
        Assert.True(check.IsVerified, check.Reason);
        Assert.Equal((42UL, 50UL), (check.Index, check.Size));

        using var other = Ed25519Signer.Generate(fixture.Keys.Log.Name);
        Assert.Equal(ReceiptStatus.Invalid, LedgerReceipts.Verify(text, other.PublicKey).Status);
        var otherEntry = SegmentFile.ReadLeaves(fixture.Pristine)[43];
        Assert.Equal(ReceiptStatus.Invalid, LedgerReceipts.Verify(text, fixture.Keys.Log.PublicKey, otherEntry).Status);
        Assert.Equal(ReceiptStatus.Malformed, LedgerReceipts.Verify("c2sp.org/tlog-proof@v1\nindex 01\n\n", fixture.Keys.Log.PublicKey).Status);
    }

    [Theory]
    [InlineData(200UL, null)]
    [InlineData(42UL, 45UL)]
    [InlineData(55UL, 50UL)]
    public async Task Receipt_NoSuchEntryOrCheckpoint_RefusedWithReason(ulong index, ulong? size)
    {
        var receipt = await LedgerReceipts.CreateAsync(fixture.Pristine, index, size, Token);

        Assert.False(receipt.IsCreated);
        Assert.False(string.IsNullOrEmpty(receipt.Error));
    }
}
