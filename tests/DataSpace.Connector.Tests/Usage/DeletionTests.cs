using System.Net;
using System.Text;
using DataSpace.Connector.Common;
using DataSpace.Core;
using DataSpace.Core.Json;
using DataSpace.Core.Transfers;

namespace DataSpace.Connector.Tests.Usage;

/// <summary>The delete-after duty: the sweep deletes the data at its deadline and records a signed <c>data.deleted</c>, once.</summary>
public sealed class DeletionTests : IAsyncLifetime
{
    private static readonly byte[] Data = Encoding.UTF8.GetBytes("sensor,value\nS1,7\n");
    private UsageScenario _s = null!;

    public async ValueTask InitializeAsync() => _s = await UsageScenario.StartAsync();

    public ValueTask DisposeAsync() => _s.DisposeAsync();

    private Task<bool> BlobExistsAsync(string key) => _s.Consumer.Service<ConnectorStores>().Received.ExistsAsync(key, TestContext.Current.CancellationToken);

    private List<DataDeleted> Deletions() =>
        [.. _s.Broker.Ledger.Where(e => e.Type == DataDeleted.EntryType).Select(e => DomainJson.Read<DataDeleted>(e.Body, "data.deleted").Value)];

    [Fact]
    public async Task Sweep_BeforeTheDeadline_KeepsTheData()
    {
        var record = await _s.ReceiveAsync(await _s.AgreeAsync(), Data);
        _s.Clock.Set(UsageScenario.DeleteBy.AddSeconds(-1));

        await _s.SweepAsync();

        Assert.True(await BlobExistsAsync(record.BlobKey));
        Assert.Null((await _s.RecordAsync(record.TransferId))!.DeletedAt);
        Assert.Empty(Deletions());
    }

    [Fact]
    public async Task Sweep_AtTheDeadline_DeletesTheBlob_RecordsDataDeleted_AndReadsAreGone()
    {
        var record = await _s.ReceiveAsync(await _s.AgreeAsync(), Data);
        _s.Clock.Set(UsageScenario.DeleteBy);
        using (var beforeSweep = await _s.ReadAsync(record.TransferId))
        {
            Assert.Contains("R10 delete-after", (await beforeSweep.AssertProblemAsync(HttpStatusCode.Forbidden)).Detail(), StringComparison.Ordinal);
        }

        await _s.SweepAsync();

        Assert.False(await BlobExistsAsync(record.BlobKey));
        var deleted = Assert.Single(Deletions());
        Assert.Equal(new DataDeleted(record.TransferId, record.AgreementId, UsageScenario.ConsumerId, "delete_after deadline 2030-06-15T00:00:00Z", UsageScenario.DeleteBy), deleted);
        var entry = _s.Broker.Ledger.Single(e => e.Type == DataDeleted.EntryType);
        Assert.True(entry.IsSignedBy(_s.Consumer.Keys.Signer.PublicKey));
        var kept = (await _s.RecordAsync(record.TransferId))!;
        Assert.Equal(UsageScenario.DeleteBy, kept.DeletedAt);
        Assert.Equal((ulong)_s.Broker.Ledger.ToList().IndexOf(entry), kept.DeletionIndex);

        using var response = await _s.ReadAsync(record.TransferId);
        var problem = await response.AssertProblemAsync(HttpStatusCode.Gone);
        Assert.Equal("2030-06-15T00:00:00Z", (string?)problem["deletedAt"]);
        Assert.Equal(kept.DeletionIndex, (ulong?)problem["deletionIndex"]);
        Assert.Contains($"ledger entry {kept.DeletionIndex}", problem.Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_Twice_RecordsTheDeletionOnce()
    {
        var record = await _s.ReceiveAsync(await _s.AgreeAsync(), Data);
        _s.Clock.Set(UsageScenario.DeleteBy.AddHours(1));

        await _s.SweepAsync();
        await _s.SweepAsync();

        Assert.Single(Deletions());
        Assert.NotNull((await _s.RecordAsync(record.TransferId))!.DeletionIndex);
    }

    [Fact]
    public async Task Sweep_LedgerUnavailable_DeletesNow_AndRecordsOnTheNextSweep()
    {
        var record = await _s.ReceiveAsync(await _s.AgreeAsync(), Data);
        _s.Clock.Set(UsageScenario.DeleteBy.AddMinutes(1));
        _s.Broker.RefuseRecords = 1;

        await _s.SweepAsync();

        Assert.False(await BlobExistsAsync(record.BlobKey));
        var pending = (await _s.RecordAsync(record.TransferId))!;
        Assert.Equal(UsageScenario.DeleteBy.AddMinutes(1), pending.DeletedAt);
        Assert.Null(pending.DeletionIndex);
        Assert.Empty(Deletions());
        using (var response = await _s.ReadAsync(record.TransferId))
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.Gone);
            Assert.Null(problem["deletionIndex"]);
            Assert.Contains("not in the ledger yet", problem.Detail(), StringComparison.Ordinal);
        }

        _s.Clock.Advance(TimeSpan.FromMinutes(5));
        await _s.SweepAsync();

        var recorded = (await _s.RecordAsync(record.TransferId))!;
        Assert.Equal(pending.DeletedAt, recorded.DeletedAt);
        Assert.NotNull(recorded.DeletionIndex);
        Assert.Equal(pending.DeletedAt, Assert.Single(Deletions()).Time);
    }

    [Fact]
    public async Task Sweep_AnswerLost_FindsTheRecordedEntryInsteadOfRecordingAgain()
    {
        var record = await _s.ReceiveAsync(await _s.AgreeAsync(), Data);
        _s.Clock.Set(UsageScenario.DeleteBy);
        _s.Broker.LoseRecordAnswers = 1;

        await _s.SweepAsync();
        Assert.Null((await _s.RecordAsync(record.TransferId))!.DeletionIndex);
        await _s.SweepAsync();

        Assert.Single(Deletions());
        var entry = _s.Broker.Ledger.Single(e => e.Type == DataDeleted.EntryType);
        Assert.Equal((ulong)_s.Broker.Ledger.ToList().IndexOf(entry), (await _s.RecordAsync(record.TransferId))!.DeletionIndex);
    }

    [Fact]
    public async Task Sweep_BlobAlreadyGone_StillRecordsTheDeletion()
    {
        var record = await _s.ReceiveAsync(await _s.AgreeAsync(), Data);
        await _s.Consumer.Service<ConnectorStores>().Received.DeleteAsync(record.BlobKey, TestContext.Current.CancellationToken);
        _s.Clock.Set(UsageScenario.DeleteBy);

        await _s.SweepAsync();

        Assert.Single(Deletions());
    }

    [Fact]
    public async Task Sweep_TheProvidersDeadline_CountsEvenWhenTheAgreementHasNone()
    {
        var agreement = await _s.AgreeAsync(UsageScenario.DefaultTerms with { DeleteBy = null });
        var deadline = new DateTimeOffset(2030, 6, 10, 0, 0, 0, TimeSpan.Zero);
        var record = await _s.ReceiveAsync(agreement, Data, [new() { ["type"] = "delete_after", ["deadline"] = Timestamps.Format(deadline), ["reason"] = "provider's duty" }]);
        _s.Clock.Set(deadline);

        await _s.SweepAsync();

        Assert.False(await BlobExistsAsync(record.BlobKey));
        Assert.Equal("delete_after deadline 2030-06-10T00:00:00Z", Assert.Single(Deletions()).Reason);
    }

    [Fact]
    public async Task Sweep_NoDeadline_KeepsTheData()
    {
        var agreement = await _s.AgreeAsync(UsageScenario.DefaultTerms with { DeleteBy = null });
        var record = await _s.ReceiveAsync(agreement, Data);
        _s.Clock.Set(new DateTimeOffset(2040, 1, 1, 0, 0, 0, TimeSpan.Zero));

        await _s.SweepAsync();

        Assert.True(await BlobExistsAsync(record.BlobKey));
    }
}
