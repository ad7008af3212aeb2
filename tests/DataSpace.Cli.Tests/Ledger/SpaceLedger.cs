using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Core.Catalog;
using DataSpace.Core.Json;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Participants;
using DataSpace.Core.Policies;
using DataSpace.Core.Transfers;
using DataSpace.Crypto.Keys;
using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Domain;
using DataSpace.Ledger.Entries;
using DataSpace.Ledger.Logs;
using DataSpace.Policy;
using DataSpace.Testing;

namespace DataSpace.Cli.Tests.Ledger;

/// <summary>How a <see cref="SpaceLedger"/> is falsified, each time with the real keys (entries are signed).</summary>
internal enum Tamper
{
    /// <summary>An honest ledger.</summary>
    None,

    /// <summary>The transfer decision says allowed, but its own input asks for a purpose the agreement does not grant.</summary>
    ForgedTransferDecision,

    /// <summary>The recorded bundle's files are not the files its digest names.</summary>
    BundleNotMatchingItsDigest,

    /// <summary>A second negotiation is terminated on a denial under a bundle the ledger never recorded.</summary>
    TerminationUnderUnrecordedBundle,
}

/// <summary>
/// A real ledger directory of a small space, written through <see cref="LedgerLog"/> with the
/// space's rule, real keys, the repository's policy bundle and real decisions of the embedded
/// engine: registrations, the bundle, a general-data offer, an agreement signed by provider,
/// consumer and operator on the broker's and the provider's negotiation decisions, then a
/// transfer started on a transfer decision and completed.
/// </summary>
internal static class SpaceLedger
{
    public const string OperatorId = "88.100.1";
    public const string ProviderId = "88.608.8889";
    public const string ConsumerId = "88.123.4567";

    public const ulong BundleIndex = 3;
    public const ulong AgreementIndex = 5;
    public const ulong TransferStartedIndex = 6;
    public const ulong TransferCompletedIndex = 7;
    public const ulong TerminationIndex = 8;

    private static readonly DateTimeOffset AgreedAt = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset TransferAt = new(2026, 12, 15, 8, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<EmbeddedPolicyEngine> Engine = new(() => EmbeddedPolicyEngine.Create(PolicyBundle.Load(Path.Combine(RepositoryPaths.RepositoryRoot, "policies"))));

    public static PolicyBundle Bundle => Engine.Value.Bundle;

    /// <summary>Writes the ledger into <paramref name="directory"/>; returns every entry appended, by index.</summary>
    public static async Task<IReadOnlyList<LedgerEntry>> WriteAsync(string directory, Tamper tamper = Tamper.None)
    {
        using var operatorKeys = ParticipantKeys.Generate(OperatorId);
        using var provider = ParticipantKeys.Generate(ProviderId);
        using var consumer = ParticipantKeys.Generate(ConsumerId);
        await using var log = await LedgerLog.OpenDirectoryAsync(directory, new LedgerLogOptions
        {
            LogKey = operatorKeys.Signer,
            Operator = operatorKeys.Signer.PublicKey,
            Rules = [() => new SpaceRule(OperatorId)],
        });
        var entries = new List<LedgerEntry>();
        async Task Append(string type, JsonObject body, params Ed25519Signer[] signers)
        {
            var entry = LedgerEntry.Create(type, body, signers);
            var appended = await log.AppendAsync(entry);
            Assert.True(appended.IsAccepted, $"the log refused {type}: {appended.Verdict}");
            entries.Add(entry);
        }

        // 0-2: the operator, then the provider and the consumer (a domestic enterprise).
        await Append(ParticipantRegistration.EntryType, Registration(operatorKeys, new JsonObject { ["name"] = "broker", ["kind"] = "operator" }), operatorKeys.Signer);
        await Append(ParticipantRegistration.EntryType, Registration(provider, Enterprise()), provider.Signer, operatorKeys.Signer);
        var consumerParticipant = Participant(consumer, Enterprise(), 2);
        await Append(ParticipantRegistration.EntryType, Registration(consumer, consumerParticipant.Attributes), consumer.Signer, operatorKeys.Signer);

        // 3: the bundle every decision names.
        await Append(PolicyBundleRecord.EntryType, DomainJson.ToNode(BundleRecord(tamper)), operatorKeys.Signer);

        // 4: the provider's offer of general production data.
        var offer = Offer();
        await Append(Core.Catalog.Offer.EntryType, DomainJson.ToNode(offer), provider.Signer);

        // 5: the agreement, on the broker's and the provider's negotiation decisions.
        var subject = PolicyInputs.Subject(consumerParticipant);
        var request = new ContractRequest("req-1", offer.Id, ConsumerId, "quality-analysis", "CN", "copy",
            new RequestedTerms(["quality-analysis"], new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), 5, new(2027, 2, 1, 0, 0, 0, TimeSpan.Zero)),
            AgreedAt.AddMinutes(-5));
        var negotiationInput = PolicyInputs.Negotiate(subject, offer, request, AgreedAt);
        var negotiationId = NegotiationIds.Negotiation(ConsumerId, request.RequestId);
        var agreement = new Agreement(NegotiationIds.Agreement(negotiationId), negotiationId, offer.Id, offer.AssetId, ProviderId, ConsumerId, JsonSerializer.SerializeToElement(offer.Label),
            Agreement.Grant(offer, request), request.Purpose, request.Destination,
            [JsonSerializer.SerializeToElement(Decide(PolicyInputs.NegotiationPath, negotiationInput, expectAllowed: true)), JsonSerializer.SerializeToElement(Decide(PolicyInputs.NegotiationPath, negotiationInput, expectAllowed: true))], AgreedAt);
        await Append(Agreement.EntryType, DomainJson.ToNode(agreement), provider.Signer, consumer.Signer, operatorKeys.Signer);

        // 6-7: a transfer under it, started on the transfer decision and completed.
        var transferInput = PolicyInputs.Transfer(subject, agreement, 0, TransferAt);
        var decision = tamper == Tamper.ForgedTransferDecision ? Forged(transferInput) : Decide(PolicyInputs.TransferPath, transferInput, expectAllowed: true);
        await Append(TransferStarted.EntryType, DomainJson.ToNode(new TransferStarted("trf-1", agreement.AgreementId, ProviderId, ConsumerId, offer.AssetId, TransferAt, decision)), provider.Signer);
        await Append(TransferCompleted.EntryType, DomainJson.ToNode(new TransferCompleted("trf-1", agreement.AgreementId, new string('a', 64), new string('b', 64), 4096, new string('c', 64), TransferAt.AddMinutes(1))),
            provider.Signer, consumer.Signer);

        // 8: a negotiation the broker ended on a denial, its decision under a bundle nobody recorded.
        if (tamper == Tamper.TerminationUnderUnrecordedBundle)
        {
            var denied = Decide(PolicyInputs.NegotiationPath, PolicyInputs.Negotiate(subject, offer, request with { Purpose = "marketing" }, AgreedAt), expectAllowed: false);
            denied["bundle_digest"] = "sha256:" + new string('0', 64);
            var ended = new NegotiationTerminated(NegotiationIds.Negotiation(ConsumerId, "req-2"), offer.Id, ProviderId, ConsumerId, OperatorId, ["R7 purpose"], AgreedAt, denied);
            await Append(NegotiationTerminated.EntryType, DomainJson.ToNode(ended), operatorKeys.Signer);
        }
        await log.CheckpointAsync();
        return entries;
    }

    private static JsonObject Decide(string path, JsonObject input, bool expectAllowed)
    {
        var decision = Engine.Value.Evaluate(path, input);
        Assert.True(decision.IsAllowed == expectAllowed, $"{path} answered {decision.Result?.ToJsonString()} ({decision.Error})");
        return decision.ToRecord(input);
    }

    /// <summary>A decision whose input asks for a purpose the agreement does not grant, recorded as if the policy had allowed it.</summary>
    private static JsonObject Forged(JsonObject honestInput)
    {
        var allowed = Decide(PolicyInputs.TransferPath, honestInput, expectAllowed: true);
        var input = (JsonObject)honestInput.DeepClone();
        input["context"]!["purpose"] = "marketing";
        var record = Decide(PolicyInputs.TransferPath, input, expectAllowed: false);
        record["allowed"] = true;
        record["result"] = allowed["result"]!.DeepClone();
        return record;
    }

    private static PolicyBundleRecord BundleRecord(Tamper tamper)
    {
        var files = Bundle.Files.Select(f => new PolicyBundleFile(f.Name, System.Text.Encoding.UTF8.GetString(f.Content.Span))).ToList();
        if (tamper == Tamper.BundleNotMatchingItsDigest)
        {
            var i = files.FindIndex(f => f.Name == "dataspace/transfer.rego");
            files[i] = files[i] with { Text = files[i].Text + "\n# every transfer is fine\n" };
        }
        return new PolicyBundleRecord(Bundle.Digest, files);
    }

    private static JsonObject Enterprise() => new()
    {
        [ParticipantAttributes.Name] = "Acme",
        [ParticipantAttributes.Country] = "CN",
        [ParticipantAttributes.Kind] = "enterprise",
        [ParticipantAttributes.SecurityProfile] = 3,
        [ParticipantAttributes.SecurityAgreement] = true,
    };

    private static JsonObject Registration(ParticipantKeys keys, JsonObject attributes) =>
        new ParticipantRegistration(keys.ParticipantId, keys.Signer.PublicKey, keys.AgeIdentity.Recipient.ToString()!, attributes).ToBody();

    private static Participant Participant(ParticipantKeys keys, JsonObject attributes, ulong index) =>
        new(keys.ParticipantId, keys.Signer.PublicKey.VerifierKey, keys.AgeIdentity.Recipient.ToString()!, attributes, ParticipantStatus.Active, index);

    private static Offer Offer() => new(
        $"{ProviderId}/line-3#quality", ProviderId, $"{ProviderId}/line-3",
        new JsonObject
        {
            ["category"] = "general",
            ["domain"] = "production",
            ["sector"] = "C36",
            ["reviewBy"] = "2027-06-30T00:00:00Z",
            ["personalInfo"] = new JsonObject { ["contains"] = false },
            ["crossBorder"] = new JsonObject { ["status"] = "domestic-only", ["approvals"] = new JsonArray() },
            ["tradeSecret"] = false,
            ["derivedFrom"] = new JsonArray(),
        },
        new OfferTerms(["quality-analysis", "predictive-maintenance"], new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new(2027, 6, 1, 0, 0, 0, TimeSpan.Zero), ["copy", "compute"], false, [ConsumerId], true, 10),
        AgreedAt.AddDays(-10));
}
