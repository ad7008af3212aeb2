using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Core.Catalog;
using DataSpace.Core.Json;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Participants;
using DataSpace.Core.Policies;
using DataSpace.Core.Results;
using DataSpace.Core.Space;
using DataSpace.Core.Transfers;

namespace DataSpace.Core.Tests.Space;

/// <summary>
/// A space under construction for projection tests: entries are handed to the projection as
/// <see cref="SpaceEvent"/>s with the signers they claim (signatures are the log's business, not
/// the projection's), in log order; an accepted entry is folded in and takes the next index.
/// </summary>
internal sealed class SpaceScenario
{
    public const string Operator = "88.100.1";
    public const string Provider = "88.608.8889";
    public const string Consumer = "88.123.4567";
    public const string Stranger = "88.555.1";
    public const string Bundle = "sha256:00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    public const string OfferId = "88.608.8889/line-3#quality";
    public const string AssetId = "88.608.8889/line-3";
    public const string NegotiationId = "neg-0123456789abcdef0123456789abcdef";

    public static readonly DateTimeOffset ValidFrom = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset ValidUntil = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset During = new(2026, 12, 15, 8, 0, 0, TimeSpan.Zero);

    public SpaceProjection Projection { get; } = new(Operator);

    public SpaceState State => Projection.State;

    /// <summary>The index the next accepted entry gets.</summary>
    public ulong Next { get; private set; }

    public static string AgreementId => NegotiationIds.Agreement(NegotiationId);

    /// <summary>Offers the entry to the projection; folds it in when accepted. Null when accepted.</summary>
    public Error? Offer(string type, JsonNode body, params string[] signers)
    {
        var entry = new SpaceEvent(Next, type, JsonSerializer.SerializeToElement(body), signers);
        var error = Projection.Check(entry);
        if (error is null)
        {
            Projection.Apply(entry);
            Next++;
        }
        return error;
    }

    public void Accept(string type, JsonNode body, params string[] signers)
    {
        var error = Offer(type, body, signers);
        Assert.True(error is null, $"{type} was refused: {error?.Message}");
    }

    public Error Refuse(string type, JsonNode body, params string[] signers)
    {
        var error = Offer(type, body, signers);
        Assert.True(error is not null, $"{type} was accepted");
        return error!;
    }

    // --- ready-made steps ------------------------------------------------------------------

    /// <summary>The operator, provider and consumer registered, and the bundle recorded.</summary>
    public SpaceScenario WithParties()
    {
        foreach (var id in new[] { Operator, Provider, Consumer, Stranger })
        {
            Accept(ParticipantFold.Registered, Registration(id), id == Operator ? [Operator] : [id, Operator]);
        }
        Accept(PolicyBundleRecord.EntryType, DomainJson.ToNode(BundleRecord()), Operator);
        return this;
    }

    /// <summary>Parties, then an offer of <paramref name="category"/> data.</summary>
    public SpaceScenario WithOffer(string category = "general", int? maxUses = 3, string[]? delivery = null)
    {
        WithParties();
        Accept(Catalog.Offer.EntryType, DomainJson.ToNode(OfferOf(category, maxUses, delivery ?? ["copy", "compute"])), Provider);
        return this;
    }

    /// <summary>Parties, an offer and a finalized agreement.</summary>
    public SpaceScenario WithAgreement(string category = "general", int? maxUses = 3, string delivery = "copy")
    {
        WithOffer(category, maxUses);
        Accept(global::DataSpace.Core.Negotiation.Agreement.EntryType, DomainJson.ToNode(AgreementOf(category, maxUses, delivery)), Provider, Consumer, Operator);
        return this;
    }

    public static JsonObject Registration(string id) => new()
    {
        ["ageRecipient"] = "age1" + new string('q', 58),
        ["attributes"] = new JsonObject { ["country"] = "CN", ["kind"] = "enterprise" },
        ["participantId"] = id,
        ["verifierKey"] = $"{id}+00000000+AQ==",
    };

    public static PolicyBundleRecord BundleRecord(string digest = Bundle) =>
        new(digest, [new PolicyBundleFile("dataspace/transfer.rego", "package dataspace.transfer\n")]);

    public static JsonObject Label(string category) => new()
    {
        ["category"] = category,
        ["domain"] = "production",
        ["sector"] = "C36",
        ["reviewBy"] = "2027-06-30T00:00:00Z",
        ["derivedFrom"] = new JsonArray(),
    };

    public static Offer OfferOf(string category = "general", int? maxUses = 3, string[]? delivery = null, string provider = Provider) =>
        new(OfferId, provider, AssetId, Label(category),
            new OfferTerms(["quality-analysis"], ValidFrom.AddMonths(-1), ValidUntil.AddMonths(6), delivery ?? ["copy", "compute"], false, [Consumer], true, maxUses),
            ValidFrom.AddMonths(-1));

    public static JsonObject Decision(bool allowed = true, string digest = Bundle, string path = PolicyInputs.NegotiationPath) => new()
    {
        ["allowed"] = allowed,
        ["bundle_digest"] = digest,
        ["input"] = new JsonObject { ["action"] = "negotiate" },
        ["outcome"] = "defined",
        ["path"] = path,
        ["result"] = new JsonObject { ["allow"] = allowed },
    };

    public static Agreement AgreementOf(string category = "general", int? maxUses = 3, string delivery = "copy", IReadOnlyList<JsonObject>? decisions = null) =>
        new(AgreementId, NegotiationId, OfferId, AssetId, Provider, Consumer, JsonSerializer.SerializeToElement(Label(category)),
            new AgreementTerms(["quality-analysis"], ValidFrom, ValidUntil, delivery, true, maxUses),
            "quality-analysis", "CN", [.. (decisions ?? [Decision(), Decision()]).Select(d => JsonSerializer.SerializeToElement(d))], ValidFrom.AddDays(-1));

    public static TransferStarted StartedOf(string transferId = "trf-1", DateTimeOffset? time = null, JsonObject? decision = null) =>
        new(transferId, AgreementId, Provider, Consumer, AssetId, time ?? During, decision ?? Decision(path: PolicyInputs.TransferPath));

    public static TransferCompleted CompletedOf(string transferId = "trf-1") =>
        new(transferId, AgreementId, new string('a', 64), new string('b', 64), 1024, new string('c', 64), During.AddMinutes(1));

    public static TransferTerminated TerminatedOf(string transferId = "trf-1", string by = Consumer) =>
        new(transferId, AgreementId, by, "the consumer's store was full", During.AddMinutes(1));

    public static TransferSuspended SuspendedOf(string transferId = "trf-1", string by = Provider) =>
        new(transferId, AgreementId, by, "maintenance of the provider's store", During.AddMinutes(1));

    public static DataDeleted DeletedOf(string transferId = "trf-1", string consumer = Consumer) =>
        new(transferId, AgreementId, consumer, "delete_after", During.AddDays(1));

    public static ParticipantStatusChange StatusOf(string id, ParticipantStatus status) =>
        new(id, status, "audit finding", During);
}
