using Microsoft.Extensions.Primitives;

namespace DataSpace.Broker.Identity;

/// <summary>
/// A token request's form (RFC 6749 §4.4.2 with RFC 7521 §4.2 client authentication): exactly
/// <c>grant_type=client_credentials</c>, <c>client_assertion_type</c> the JWT bearer URN, a
/// <c>client_assertion</c>, and optionally <c>client_id</c>; no parameter twice (RFC 6749 §3.2).
/// </summary>
internal sealed record TokenRequest(string Assertion, string? ClientId)
{
    public const string ClientCredentials = "client_credentials";
    public const string JwtBearerAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private static readonly string[] Parameters = ["grant_type", "client_assertion_type", "client_assertion", "client_id"];

    /// <summary>Reads the form: the request, or the error that says which parameter is wrong.</summary>
    public static async Task<(TokenRequest? Request, TokenError? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, TokenError.InvalidRequest("The token request must be a form (Content-Type: application/x-www-form-urlencoded)."));
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return (null, TokenError.InvalidRequest("The token request's form cannot be read: it is malformed or too large."));
        }
        return (Read(form, out var error), error);
    }

    private static TokenRequest? Read(IFormCollection form, out TokenError? error)
    {
        foreach (var name in Parameters)
        {
            if (form[name].Count > 1)
            {
                error = TokenError.InvalidRequest($"The parameter {name} is given more than once.");
                return null;
            }
        }
        var grantType = Single(form, "grant_type");
        var assertionType = Single(form, "client_assertion_type");
        var assertion = Single(form, "client_assertion");
        error = (grantType, assertionType, assertion) switch
        {
            (null, _, _) => TokenError.InvalidRequest("The parameter grant_type is missing; use grant_type=client_credentials."),
            (not ClientCredentials, _, _) => TokenError.UnsupportedGrantType($"The grant type '{grantType}' is not supported; use client_credentials."),
            (_, null, _) => TokenError.InvalidRequest($"The parameter client_assertion_type is missing; use {JwtBearerAssertionType}."),
            // RFC 6749 §5.2: an unsupported authentication method is invalid_client.
            (_, not JwtBearerAssertionType, _) => TokenError.InvalidClient($"Only private_key_jwt client authentication is supported: client_assertion_type must be {JwtBearerAssertionType}."),
            (_, _, null) => TokenError.InvalidRequest("The parameter client_assertion is missing: send a JWT signed with the participant's key."),
            _ => null,
        };
        return error is null ? new TokenRequest(assertion!, Single(form, "client_id")) : null;
    }

    private static string? Single(IFormCollection form, string name) =>
        form.TryGetValue(name, out StringValues values) && values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
}
