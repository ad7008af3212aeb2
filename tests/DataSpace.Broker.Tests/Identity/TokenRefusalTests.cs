using System.Net;
using System.Text.Json.Nodes;
using DataSpace.Core.Participants;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Broker.Tests.Identity;

/// <summary>Every way a token request is refused (RFC 6749 §5.2, RFC 7523 §3), never with a 500.</summary>
public sealed class TokenRefusalTests : IAsyncLifetime
{
    private readonly Ed25519Signer _provider = Ed25519Signer.Generate("88.608.8889");
    private readonly Ed25519Signer _consumer = Ed25519Signer.Generate("88.123.4567");
    private TokenServiceTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await TokenServiceTestHost.StartAsync();
        _host.Participants.Register(_provider);
        _host.Participants.Register(_consumer);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _provider.Dispose();
        _consumer.Dispose();
    }

    private async Task RefusedAsync(string assertion, string because)
    {
        using var response = await _host.PostTokenAsync(assertion);
        await TokenResponses.AssertInvalidClientAsync(response, because);
    }

    [Fact]
    public async Task UnknownParticipant_IsInvalidClient()
    {
        using var stranger = Ed25519Signer.Generate("88.999.0001");
        await RefusedAsync(_host.Assertion(stranger), "no participant '88.999.0001' is registered");
    }

    [Fact]
    public async Task BadSignature_IsInvalidClient()
    {
        var assertion = _host.Assertion(_provider);
        var parts = assertion.Split('.');
        // Same claims, re-signed over a different payload: the signature no longer matches.
        var other = _host.Assertion(_provider).Split('.');
        await RefusedAsync($"{parts[0]}.{parts[1]}.{other[2]}", "signature does not verify");
    }

    [Fact]
    public async Task SignedWithAnotherParticipantsKey_IsInvalidClient()
    {
        using var impostor = Ed25519Signer.FromSeed("88.123.4567", _consumer.ExportSeed());
        var assertion = _host.Assertion(impostor, c =>
        {
            c["iss"] = "88.608.8889";
            c["sub"] = "88.608.8889";
        });
        await RefusedAsync(assertion, "signature does not verify with the registered key of participant '88.608.8889'");
    }

    [Fact]
    public async Task IssuerDiffersFromSubject_IsInvalidClient() =>
        await RefusedAsync(_host.Assertion(_provider, c => c["sub"] = "88.123.4567"), "iss and sub");

    [Fact]
    public async Task MissingIssuer_IsInvalidClient() =>
        await RefusedAsync(_host.Assertion(_provider, c => c.Remove("iss")), "iss and sub");

    [Fact]
    public async Task ClientIdDiffersFromIssuer_IsInvalidClient()
    {
        var form = TokenServiceTestHost.Form(_host.Assertion(_provider));
        form["client_id"] = "88.123.4567";
        using var response = await _host.PostTokenAsync(form);
        await TokenResponses.AssertInvalidClientAsync(response, "client_id");
    }

    [Theory]
    [InlineData("https://other.example/token")]
    [InlineData("http://localhost/token/")]
    [InlineData("dataspace")]
    public async Task WrongAudience_IsInvalidClient(string audience) =>
        await RefusedAsync(_host.Assertion(_provider, c => c["aud"] = audience), "aud must contain the token endpoint http://localhost/token");

    [Fact]
    public async Task MissingAudience_IsInvalidClient() =>
        await RefusedAsync(_host.Assertion(_provider, c => c.Remove("aud")), "aud");

    [Fact]
    public async Task Expired_IsInvalidClient()
    {
        var assertion = _host.Assertion(_provider);
        _host.Clock.Advance(TimeSpan.FromSeconds(60 + 31));
        await RefusedAsync(assertion, "expired");
    }

    [Fact]
    public async Task ExpiredWithinClockSkew_IsAccepted()
    {
        var assertion = _host.Assertion(_provider);
        _host.Clock.Advance(TimeSpan.FromSeconds(60 + 29));
        using var response = await _host.PostTokenAsync(assertion);
        await TokenResponses.AccessTokenAsync(response);
    }

    [Fact]
    public async Task ExpiryTooFarAhead_IsInvalidClient() =>
        await RefusedAsync(_host.Assertion(_provider, c => c["exp"] = ManualClock.Start.AddMinutes(6).ToUnixTimeSeconds()), "more than 300 seconds ahead");

    [Fact]
    public async Task ExpiryTooFarAfterIssuedAt_IsInvalidClient() =>
        await RefusedAsync(_host.Assertion(_provider, c =>
        {
            // exp is only 4 minutes from now, but 6 minutes after iat.
            c["iat"] = ManualClock.Start.AddMinutes(-2).ToUnixTimeSeconds();
            c["exp"] = ManualClock.Start.AddMinutes(4).ToUnixTimeSeconds();
        }), "more than 300 seconds ahead");

    [Fact]
    public async Task MissingExpiry_IsInvalidClient() =>
        await RefusedAsync(_host.Assertion(_provider, c => c.Remove("exp")), "must carry exp");

    [Fact]
    public async Task ExpiryNotANumber_IsInvalidClient() =>
        await RefusedAsync(_host.Assertion(_provider, c => c["exp"] = "tomorrow"), "NumericDate");

    [Fact]
    public async Task NotBeforeInTheFuture_IsInvalidClient() =>
        await RefusedAsync(_host.Assertion(_provider, c => c["nbf"] = ManualClock.Start.AddSeconds(45).ToUnixTimeSeconds()), "not valid yet");

    [Fact]
    public async Task MissingJti_IsInvalidClient() =>
        await RefusedAsync(_host.Assertion(_provider, c => c.Remove("jti")), "jti");

    [Fact]
    public async Task ReplayedJti_IsInvalidClient()
    {
        var assertion = _host.Assertion(_provider);
        using var first = await _host.PostTokenAsync(assertion);
        await TokenResponses.AccessTokenAsync(first);

        await RefusedAsync(assertion, "already used");
    }

    [Fact]
    public async Task SameJtiFromAnotherParticipant_IsAccepted()
    {
        using var first = await _host.PostTokenAsync(_host.Assertion(_provider, c => c["jti"] = "shared"));
        using var second = await _host.PostTokenAsync(_host.Assertion(_consumer, c => c["jti"] = "shared"));

        await TokenResponses.AccessTokenAsync(first);
        await TokenResponses.AccessTokenAsync(second);
    }

    [Theory]
    [InlineData(ParticipantStatus.Suspended, "suspended")]
    [InlineData(ParticipantStatus.Revoked, "revoked")]
    public async Task NotActiveParticipant_IsInvalidClient(ParticipantStatus status, string because)
    {
        _host.Participants.Put(_host.Participants.Find("88.608.8889")! with { Status = status });
        await RefusedAsync(_host.Assertion(_provider), because);
    }

    [Fact]
    public async Task UnparsableRegisteredKey_IsInvalidClientNot500()
    {
        _host.Participants.Put(_host.Participants.Find("88.608.8889")! with { VerifierKey = "garbage" });
        await RefusedAsync(_host.Assertion(_provider), "cannot be used");
    }

    [Theory]
    [InlineData("not a jwt", "three")]
    [InlineData("a.b.c", "not canonical base64url")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl", "not canonical base64url of 64 bytes")]
    public async Task MalformedJwt_IsInvalidClient(string assertion, string because) =>
        await RefusedAsync(assertion, because);

    [Fact]
    public async Task OtherAlgorithm_IsInvalidClient()
    {
        var parts = _host.Assertion(_provider).Split('.');
        var header = Crypto.Jose.StrictBase64Url.Encode("""{"alg":"none"}"""u8);
        await RefusedAsync($"{header}.{parts[1]}.{parts[2]}", "alg must be \"EdDSA\"");
    }

    [Fact]
    public async Task PayloadNotAnObject_IsInvalidClient() =>
        await RefusedAsync(Crypto.Jose.EdDsaJws.Sign(_provider, "[1,2]"u8), "payload is not a JSON object");

    [Fact]
    public async Task WrongGrantType_IsUnsupportedGrantType()
    {
        var form = TokenServiceTestHost.Form(_host.Assertion(_provider));
        form["grant_type"] = "password";
        using var response = await _host.PostTokenAsync(form);
        await TokenResponses.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "unsupported_grant_type", "'password' is not supported");
    }

    [Fact]
    public async Task WrongAssertionType_IsInvalidClient()
    {
        var form = TokenServiceTestHost.Form(_host.Assertion(_provider));
        form["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:saml2-bearer";
        using var response = await _host.PostTokenAsync(form);
        await TokenResponses.AssertInvalidClientAsync(response, "private_key_jwt");
    }

    [Theory]
    [InlineData("grant_type")]
    [InlineData("client_assertion_type")]
    [InlineData("client_assertion")]
    public async Task MissingFormField_IsInvalidRequest(string field)
    {
        var form = TokenServiceTestHost.Form(_host.Assertion(_provider));
        form.Remove(field);
        using var response = await _host.PostTokenAsync(form);
        await TokenResponses.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "invalid_request", field);
    }

    [Fact]
    public async Task RepeatedFormField_IsInvalidRequest()
    {
        var assertion = _host.Assertion(_provider);
        var body = $"grant_type=client_credentials&grant_type=client_credentials&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion={assertion}";
        using var content = new StringContent(body, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        using var response = await _host.Client.PostAsync("/token", content, TestContext.Current.CancellationToken);
        await TokenResponses.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "invalid_request", "more than once");
    }

    [Theory]
    [InlineData(20_000, "invalid_client", "longer than 16384")]
    [InlineData(200_000, "invalid_request", "malformed or too large")]
    public async Task OversizedAssertion_IsRefusedNot500(int length, string error, string because)
    {
        var form = TokenServiceTestHost.Form(new string('a', length));
        using var response = await _host.PostTokenAsync(form);
        var status = error == "invalid_client" ? HttpStatusCode.Unauthorized : HttpStatusCode.BadRequest;
        await TokenResponses.AssertRefusedAsync(response, status, error, because);
    }

    [Fact]
    public async Task JsonBodyInsteadOfForm_IsInvalidRequest()
    {
        using var content = new StringContent("""{"grant_type":"client_credentials"}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await _host.Client.PostAsync("/token", content, TestContext.Current.CancellationToken);
        await TokenResponses.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "invalid_request", "must be a form");
    }

    [Fact]
    public async Task RefusedAssertion_DoesNotBurnItsJti()
    {
        _host.Participants.Put(_host.Participants.Find("88.608.8889")! with { Status = ParticipantStatus.Suspended });
        var assertion = _host.Assertion(_provider, c => c["jti"] = "retry-me");
        await RefusedAsync(assertion, "suspended");

        _host.Participants.Put(_host.Participants.Find("88.608.8889")! with { Status = ParticipantStatus.Active });
        using var response = await _host.PostTokenAsync(assertion);
        await TokenResponses.AccessTokenAsync(response);
    }
}
