using System.Text.Json.Nodes;
using DataSpace.Connector.Answering;
using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Entries;

namespace DataSpace.Connector.Tests.Answering;

/// <summary>The provider's memory of its own agreement signatures answers exactly as signing again would.</summary>
public sealed class OwnAgreementSignaturesTests : IDisposable
{
    private readonly Ed25519Signer _provider = Ed25519Signer.Generate("88.608.1001");
    private readonly Ed25519Signer _consumer = Ed25519Signer.Generate("88.608.2002");
    private readonly OwnAgreementSignatures _signed = new();

    [Fact]
    public void ARememberedAgreement_CountersignedByTheConsumer_IsRecognised()
    {
        var agreement = Agreement(1);
        _signed.Remember(agreement, _provider);

        Assert.True(_signed.Recognises(Countersigned(agreement), _provider));
    }

    [Fact]
    public void AnAgreementItDoesNotRemember_IsStillRecognisedBySigningAgain()
    {
        var agreement = Agreement(1);

        Assert.True(_signed.Recognises(Countersigned(agreement), _provider));
    }

    [Fact]
    public void ItsRememberedSignature_OnOtherContent_IsNotRecognised()
    {
        var agreement = Agreement(1);
        _signed.Remember(agreement, _provider);
        var json = JsonNode.Parse(agreement.Bytes.Span)!.AsObject();
        json["body"]!["uses"] = 2;

        Assert.True(LedgerEntry.TryRead(json, out var forged).IsAccepted);
        Assert.False(_signed.Recognises(forged!, _provider));
    }

    [Fact]
    public void AnAgreementWithoutItsSignature_IsNotRecognised()
    {
        var theirs = LedgerEntry.Create("contract.agreement", new JsonObject { ["uses"] = 1 }, [_consumer]);
        _signed.Remember(theirs, _provider);

        Assert.False(_signed.Recognises(theirs, _provider));
    }

    [Fact]
    public void ARecognisedAgreement_IsForgotten_AndRecognisedAgainBySigning()
    {
        var agreement = Agreement(1);
        _signed.Remember(agreement, _provider);

        Assert.True(_signed.Recognises(agreement, _provider));
        Assert.True(_signed.Recognises(agreement, _provider));
    }

    public void Dispose()
    {
        _signed.Dispose();
        _provider.Dispose();
        _consumer.Dispose();
    }

    private LedgerEntry Agreement(int uses) => LedgerEntry.Create("contract.agreement", new JsonObject { ["uses"] = uses }, [_provider]);

    private LedgerEntry Countersigned(LedgerEntry agreement) => LedgerEntry.Parse(agreement.Countersign(_consumer).Bytes);
}
