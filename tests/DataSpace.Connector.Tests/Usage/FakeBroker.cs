using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Core.Api;
using DataSpace.Core.Json;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Transfers;
using DataSpace.Crypto.Keys;
using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Entries;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DataSpace.Connector.Tests.Usage;

/// <summary>
/// The broker's HTTP API as far as usage control calls it, in memory: discovery, JWKS and real
/// ES256 access tokens (so the provider's JwtBearer validates them as it would the broker's),
/// the registry, agreements with their transfers, and a ledger that accepts <c>data.deleted</c> as
/// the real one does — for a COMPLETED transfer, signed by its consumer, once. Faults on demand.
/// </summary>
internal sealed class FakeBroker(TimeProvider clock) : HttpMessageHandler
{
    public const string Host = "broker.test";
    public const string Url = "http://broker.test/";
    public const string Issuer = "http://broker.test";
    public const string Audience = "dataspace";
    private const string KeyId = "fake-broker-1";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly Lock _ledgerLock = new();
    private readonly List<LedgerEntry> _ledger = [];

    public ConcurrentDictionary<string, ParticipantView> Participants { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, AgreementView> Agreements { get; } = new(StringComparer.Ordinal);

    /// <summary>The next this many entries are refused with 503 and not recorded.</summary>
    public int RefuseRecords { get; set; }

    /// <summary>The next this many entries are recorded, but answered with 503 (the answer is lost).</summary>
    public int LoseRecordAnswers { get; set; }

    /// <summary>Every call answers 503.</summary>
    public bool Down { get; set; }

    public IReadOnlyList<LedgerEntry> Ledger
    {
        get
        {
            lock (_ledgerLock)
            {
                return [.. _ledger];
            }
        }
    }

    public void Register(ParticipantKeys keys, string endpoint) =>
        Participants[keys.ParticipantId] = new ParticipantView(
            keys.ParticipantId, keys.Signer.PublicKey.VerifierKey, keys.AgeIdentity.Recipient.ToString(),
            new JsonObject
            {
                ["name"] = $"Participant {keys.ParticipantId}",
                ["country"] = "CN",
                ["sector"] = "C36",
                ["kind"] = "enterprise",
                ["securityProfile"] = 3,
                ["securityAgreement"] = true,
                ["endpoint"] = endpoint,
            },
            "active",
            (ulong)Participants.Count);

    /// <summary>Puts a COMPLETED transfer under <paramref name="agreement"/> (recording the agreement on first use).</summary>
    public void AddTransfer(Agreement agreement, JsonObject entry, string transferId) =>
        Agreements.AddOrUpdate(
            agreement.AgreementId,
            _ => new AgreementView(agreement.AgreementId, 7, entry, 1, [new TransferStateView(transferId, "COMPLETED", false)]),
            (_, view) => view with { Uses = view.Uses + 1, Transfers = [.. view.Transfers, new TransferStateView(transferId, "COMPLETED", false)] });

    /// <summary>An access token for <paramref name="participantId"/>, valid for a year of the test clock.</summary>
    public string Mint(string participantId, string audience = Audience)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = new Dictionary<string, object> { ["sub"] = participantId, ["jti"] = Guid.NewGuid().ToString() },
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddDays(365),
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(_key) { KeyId = KeyId }, SecurityAlgorithms.EcdsaSha256),
            TokenType = "at+jwt",
        });
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Down)
        {
            return Problem(HttpStatusCode.ServiceUnavailable, "The broker is down (test).");
        }
        var path = request.RequestUri!.AbsolutePath;
        var segments = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        return (request.Method.Method, segments) switch
        {
            ("GET", [".well-known", "openid-configuration"]) => Json(HttpStatusCode.OK, new JsonObject
            {
                ["issuer"] = Issuer,
                ["token_endpoint"] = Url + "token",
                ["jwks_uri"] = Url + "jwks",
            }),
            ("GET", ["jwks"]) => Json(HttpStatusCode.OK, Jwks()),
            ("POST", ["token"]) => await TokenAsync(request, cancellationToken),
            ("GET", ["participants", var id]) => Participants.TryGetValue(id, out var p)
                ? Json(HttpStatusCode.OK, DomainJson.ToNode(p))
                : Problem(HttpStatusCode.NotFound, $"{id} is not registered."),
            ("GET", ["agreements", var id]) => Agreements.TryGetValue(id, out var a)
                ? Json(HttpStatusCode.OK, DomainJson.ToNode(a))
                : Problem(HttpStatusCode.NotFound, $"No finalized agreement {id}."),
            ("POST", ["ledger", "entries"]) => Record(await request.Content!.ReadFromJsonAsync<JsonObject>(cancellationToken)),
            ("GET", ["ledger", "entries"]) => Entries(request.RequestUri),
            _ => Problem(HttpStatusCode.NotFound, $"The fake broker does not answer {request.Method} {path}."),
        };
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _key.Dispose();
        }
        base.Dispose(disposing);
    }

    private async Task<HttpResponseMessage> TokenAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var form = await request.Content!.ReadAsStringAsync(cancellationToken);
        var clientId = form.Split('&').Select(p => p.Split('=', 2)).Where(p => p[0] == "client_id").Select(p => Uri.UnescapeDataString(p[1])).Single();
        return Json(HttpStatusCode.OK, new JsonObject { ["access_token"] = Mint(clientId), ["token_type"] = "Bearer", ["expires_in"] = 3600 });
    }

    private JsonObject Jwks()
    {
        var q = _key.ExportParameters(includePrivateParameters: false).Q;
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "EC",
                ["crv"] = "P-256",
                ["x"] = Base64UrlEncoder.Encode(q.X),
                ["y"] = Base64UrlEncoder.Encode(q.Y),
                ["kid"] = KeyId,
                ["alg"] = "ES256",
                ["use"] = "sig",
            }),
        };
    }

    private HttpResponseMessage Record(JsonObject? body)
    {
        if (!LedgerEntry.TryRead(body, out var entry).IsAccepted)
        {
            return Problem(HttpStatusCode.BadRequest, "The body is not a signed entry.");
        }
        if (RefuseRecords > 0)
        {
            RefuseRecords--;
            return Problem(HttpStatusCode.ServiceUnavailable, "The ledger cannot be written now (test).");
        }
        lock (_ledgerLock)
        {
            if (entry!.Type == DataDeleted.EntryType && DeletionProblem(entry) is { } problem)
            {
                return problem;
            }
            _ledger.Add(entry);
            var index = (ulong)(_ledger.Count - 1);
            if (LoseRecordAnswers > 0)
            {
                LoseRecordAnswers--;
                return Problem(HttpStatusCode.ServiceUnavailable, "The answer was lost (test).");
            }
            return Json(HttpStatusCode.Created, DomainJson.ToNode(new RecordedEntry(index, entry.Type)));
        }
    }

    private HttpResponseMessage? DeletionProblem(LedgerEntry entry)
    {
        var deleted = DomainJson.Read<DataDeleted>(entry.Body, "data.deleted").Value;
        if (!Agreements.TryGetValue(deleted.AgreementId, out var agreement) || agreement.Transfers.SingleOrDefault(t => t.TransferId == deleted.TransferId) is not { } transfer)
        {
            return Problem(HttpStatusCode.NotFound, $"transfer {deleted.TransferId} of agreement {deleted.AgreementId} is not in the ledger");
        }
        var consumer = DomainJson.Read<Agreement>(agreement.Entry["body"], "agreement").Value.Consumer;
        if (deleted.Consumer != consumer || !entry.IsSignedBy(Ed25519PublicKey.Parse(Participants[consumer].VerifierKey)))
        {
            return Problem(HttpStatusCode.Forbidden, $"data.deleted must be signed by the consumer {consumer}");
        }
        if (transfer.State != "COMPLETED")
        {
            return Problem(HttpStatusCode.Conflict, $"transfer {deleted.TransferId} delivered no data to delete");
        }
        if (transfer.Deleted)
        {
            return Problem(HttpStatusCode.Conflict, $"the data of transfer {deleted.TransferId} is already deleted");
        }
        Agreements[deleted.AgreementId] = agreement with { Transfers = [.. agreement.Transfers.Select(t => t.TransferId == transfer.TransferId ? t with { Deleted = true } : t)] };
        return null;
    }

    private HttpResponseMessage Entries(Uri uri)
    {
        var query = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => ulong.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        var ledger = Ledger;
        var size = (ulong)ledger.Count;
        var start = query.GetValueOrDefault("start");
        var end = Math.Min(query.TryGetValue("end", out var e) ? e : size, Math.Min(size, start + 1000));
        var entries = new JsonArray();
        for (var i = start; i < end; i++)
        {
            entries.Add(new JsonObject { ["index"] = i, ["entry"] = ledger[(int)i].ToJson() });
        }
        return Json(HttpStatusCode.OK, new JsonObject { ["size"] = size, ["start"] = start, ["end"] = end, ["entries"] = entries });
    }

    private static HttpResponseMessage Json(HttpStatusCode status, JsonNode body) =>
        new(status) { Content = JsonContent.Create(body, options: new JsonSerializerOptions(JsonSerializerDefaults.Web)) };

    private static HttpResponseMessage Problem(HttpStatusCode status, string detail) =>
        Json(status, new JsonObject { ["status"] = (int)status, ["detail"] = detail });
}
