using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DataSpace.Connector.Usage;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Connector.Tests.Usage;

/// <summary><c>GET /received/{transferId}/content?purpose=…</c>: the usage decision, its duties, the count, the stream.</summary>
public sealed class ReceivedContentTests : IAsyncLifetime
{
    private static readonly byte[] Data = Encoding.UTF8.GetBytes("line,torque,timestamp\nL1,41.5,2030-05-31T10:00:00Z\n");
    private UsageScenario _s = null!;

    public async ValueTask InitializeAsync() => _s = await UsageScenario.StartAsync();

    public ValueTask DisposeAsync() => _s.DisposeAsync();

    [Fact]
    public async Task Read_Allowed_StreamsPlaintextAfterLoggingNotifyingAndCounting()
    {
        var agreement = await _s.AgreeAsync();
        var record = await _s.ReceiveAsync(agreement, Data);

        using var response = await _s.ReadAsync(record.TransferId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Data, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(Data))}:", response.Headers.GetValues("Repr-Digest").Single());
        var line = Assert.Single(_s.UsageLog());
        Assert.Equal(record.TransferId, (string?)line["transferId"]);
        Assert.Equal(agreement.AgreementId, (string?)line["agreementId"]);
        Assert.Equal(UsageScenario.Purpose, (string?)line["purpose"]);
        Assert.Equal(1, (int?)line["use"]);
        Assert.True((bool?)line["decision"]?["allowed"]);
        Assert.Equal(1, (await _s.RecordAsync(record.TransferId))!.Uses);
        var notice = Assert.Single(_s.Notices())["notice"]!.AsObject();
        Assert.Equal(record.TransferId, (string?)notice["transferId"]);
        Assert.Equal(1, (int?)notice["use"]);
        Assert.True(SignedJson.Verify(notice, new VerifierKeyRing([_s.Consumer.Keys.Signer.PublicKey])).IsValid);
    }

    [Fact]
    public async Task Read_TwoReads_AreNumberedAndLoggedEach()
    {
        var record = await _s.ReceiveAsync(await _s.AgreeAsync(), Data);

        using var first = await _s.ReadAsync(record.TransferId);
        using var second = await _s.ReadAsync(record.TransferId);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal([1, 2], _s.UsageLog().Select(l => (int)l["use"]!));
        Assert.Equal([1, 2], _s.Notices().Select(l => (int)l["notice"]!["use"]!));
        Assert.Equal(2, (await _s.RecordAsync(record.TransferId))!.Uses);
    }

    [Fact]
    public async Task Read_PurposeNotGranted_Is403WithThePolicyReason_AndNothingHappens()
    {
        var record = await _s.ReceiveAsync(await _s.AgreeAsync(), Data);

        using var response = await _s.ReadAsync(record.TransferId, "marketing");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("R7 purpose: purpose marketing is not granted by the agreement", problem.Detail(), StringComparison.Ordinal);
        Assert.Empty(_s.UsageLog());
        Assert.Empty(_s.Notices());
        Assert.Equal(0, (await _s.RecordAsync(record.TransferId))!.Uses);
    }

    [Fact]
    public async Task Read_UsesExhausted_Is403()
    {
        var record = await _s.ReceiveAsync(await _s.AgreeAsync(UsageScenario.DefaultTerms with { MaxUses = 2 }), Data);
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await _s.ReadAsync(record.TransferId);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var response = await _s.ReadAsync(record.TransferId);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("R9 count: 2 of 2 permitted uses are spent", problem.Detail(), StringComparison.Ordinal);
        Assert.Equal(2, (await _s.RecordAsync(record.TransferId))!.Uses);
        Assert.Equal(2, _s.UsageLog().Count);
    }

    [Fact]
    public async Task Read_UsesAreCountedAcrossTheTransfersOfOneAgreement()
    {
        var agreement = await _s.AgreeAsync(UsageScenario.DefaultTerms with { MaxUses = 2 });
        var first = await _s.ReceiveAsync(agreement, Data);
        var second = await _s.ReceiveAsync(agreement, Data);
        using var a = await _s.ReadAsync(first.TransferId);
        using var b = await _s.ReadAsync(second.TransferId);

        using var response = await _s.ReadAsync(first.TransferId);

        Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        Assert.Contains("R9 count", (await response.AssertProblemAsync(HttpStatusCode.Forbidden)).Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_ConcurrentReads_NeverExceedTheLimit()
    {
        var record = await _s.ReceiveAsync(await _s.AgreeAsync(UsageScenario.DefaultTerms with { MaxUses = 3 }), Data);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _s.ReadAsync(record.TransferId)));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Forbidden));
        Assert.Equal(3, (await _s.RecordAsync(record.TransferId))!.Uses);
        Assert.Equal([1, 2, 3], _s.UsageLog().Select(l => (int)l["use"]!).Order());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Read_UnknownObligation_Is403NamingIt_AndNothingHappens()
    {
        var agreement = await _s.AgreeAsync();
        var obligations = UsageScenario.TransferObligations(agreement);
        obligations.Add(new JsonObject { ["type"] = "watermark", ["reason"] = "a duty this connector has never heard of" });
        var record = await _s.ReceiveAsync(agreement, Data, obligations);

        using var response = await _s.ReadAsync(record.TransferId);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("does not enforce the obligation \"watermark\"", problem.Detail(), StringComparison.Ordinal);
        Assert.Empty(_s.UsageLog());
        Assert.Empty(_s.Notices());
        Assert.Equal(0, (await _s.RecordAsync(record.TransferId))!.Uses);
    }

    [Fact]
    public async Task Read_ProviderUnreachable_IsRefused_AndTheUseIsNotCounted()
    {
        var record = await _s.ReceiveAsync(await _s.AgreeAsync(), Data);
        _s.Network.Remove(_s.Provider.Host);

        using var response = await _s.ReadAsync(record.TransferId);

        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains($"The provider {UsageScenario.ProviderId} could not be notified", problem.Detail(), StringComparison.Ordinal);
        Assert.Equal(0, (await _s.RecordAsync(record.TransferId))!.Uses);
        Assert.Empty(_s.UsageLog());
    }

    [Fact]
    public async Task Read_ProviderRefusesTheNotice_IsRefused()
    {
        var record = await _s.ReceiveAsync(await _s.AgreeAsync(), Data);
        // The provider no longer finds the transfer under the agreement in the ledger.
        _s.Broker.Agreements[record.AgreementId] = _s.Broker.Agreements[record.AgreementId] with { Transfers = [] };

        using var response = await _s.ReadAsync(record.TransferId);

        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("it answered 404", problem.Detail(), StringComparison.Ordinal);
        Assert.Equal(0, (await _s.RecordAsync(record.TransferId))!.Uses);
    }

    [Fact]
    public async Task Read_ProviderWithoutEndpoint_IsRefused()
    {
        var record = await _s.ReceiveAsync(await _s.AgreeAsync(), Data);
        var provider = _s.Broker.Participants[UsageScenario.ProviderId];
        var attributes = (JsonObject)provider.Attributes.DeepClone();
        attributes.Remove("endpoint");
        _s.Broker.Participants[UsageScenario.ProviderId] = provider with { Attributes = attributes };

        using var response = await _s.ReadAsync(record.TransferId);

        Assert.Contains("registered no connector endpoint", (await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable)).Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_NoNotificationAgreed_NeedsNoProvider()
    {
        var record = await _s.ReceiveAsync(await _s.AgreeAsync(UsageScenario.DefaultTerms with { NotifyProvider = false }), Data);
        _s.Network.Remove(_s.Provider.Host);

        using var response = await _s.ReadAsync(record.TransferId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_s.UsageLog());
        Assert.Empty(_s.Notices());
    }

    [Fact]
    public async Task Read_BrokerRegistryDown_IsRefused_FailClosed()
    {
        var record = await _s.ReceiveAsync(await _s.AgreeAsync(), Data);
        _s.Broker.Down = true;

        using var response = await _s.ReadAsync(record.TransferId);

        Assert.Contains("fail closed", (await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable)).Detail(), StringComparison.Ordinal);
        Assert.Equal(0, (await _s.RecordAsync(record.TransferId))!.Uses);
    }

    [Fact]
    public async Task Read_AfterValidity_Is403()
    {
        var record = await _s.ReceiveAsync(await _s.AgreeAsync(UsageScenario.DefaultTerms with { DeleteBy = null }), Data);
        _s.Clock.Set(UsageScenario.DefaultTerms.ValidUntil);

        using var response = await _s.ReadAsync(record.TransferId);

        Assert.Contains("R8 time", (await response.AssertProblemAsync(HttpStatusCode.Forbidden)).Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_ImportantData_CarriesTheEncryptObligation_WhichThisConnectorEnforces()
    {
        var label = UsageScenario.GeneralLabel();
        label["category"] = "important";
        var record = await _s.ReceiveAsync(await _s.AgreeAsync(label: label), Data);

        using var response = await _s.ReadAsync(record.TransferId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Assert.Single(_s.UsageLog())["obligations"]!.AsArray(), o => (string?)o!["type"] == "encrypt");
    }

    [Fact]
    public async Task Read_WithoutPurpose_Is400()
    {
        var record = await _s.ReceiveAsync(await _s.AgreeAsync(), Data);

        using var response = await _s.ReadAsync(record.TransferId, purpose: null);

        Assert.Contains("purpose is required", (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_UnknownTransfer_Is404()
    {
        using var response = await _s.ReadAsync("no-such-transfer");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Read_AgreementNotKept_Is403()
    {
        var record = await _s.ReceiveAsync(await _s.AgreeAsync(), Data);
        File.Delete(Directory.EnumerateFiles(Path.Combine(_s.Consumer.DataDirectory, "agreements")).Single());

        using var response = await _s.ReadAsync(record.TransferId);

        Assert.Contains("is not kept by this connector", (await response.AssertProblemAsync(HttpStatusCode.Forbidden)).Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_WithoutTheLocalCredential_Is401()
    {
        var record = await _s.ReceiveAsync(await _s.AgreeAsync(), Data);
        using var client = _s.Consumer.ClientWithToken("not-the-local-token");

        using var response = await client.GetAsync($"/received/{record.TransferId}/content?purpose={UsageScenario.Purpose}", TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Empty(_s.UsageLog());
    }

    [Fact]
    public async Task Read_CiphertextReplaced_AbortsTheResponse()
    {
        var record = await _s.ReceiveAsync(await _s.AgreeAsync(), Data);
        // Valid age, to this consumer, but not the data of the provider's manifest.
        var other = await _s.ReceiveAsync(await _s.AgreeAsync(), Encoding.UTF8.GetBytes("something else entirely"));
        var stores = _s.Consumer.Service<DataSpace.Connector.Common.ConnectorStores>();
        using (var swapped = await stores.Received.OpenReadAsync(other.BlobKey, TestContext.Current.CancellationToken))
        {
            using var copy = new MemoryStream();
            await swapped!.Content.CopyToAsync(copy, TestContext.Current.CancellationToken);
            copy.Position = 0;
            await stores.Received.PutAsync(record.BlobKey, copy, new Dictionary<string, string>(), TestContext.Current.CancellationToken);
        }

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            using var response = await _s.ReadAsync(record.TransferId);
            await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        });
    }
}
