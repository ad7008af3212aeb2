using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.Timeout;

namespace DataSpace.Policy;

/// <summary>
/// The OPA backend: asks an OPA server (or <c>dataspace policy serve</c>) over OPA's REST API,
/// <c>POST /v1/data/{path}</c> with <c>{"input": …}</c>. A response without <c>result</c> is undefined.
/// Every failure (unreachable, timeout, non-2xx, malformed JSON) is an error decision, which denies.
/// </summary>
/// <remarks>
/// Timeouts and retries come from the HTTP client's resilience pipeline, which
/// <see cref="OpaServiceCollectionExtensions.AddOpaPolicyEngine"/> configures; a client passed to the
/// public constructor is used as it is. Thread-safe.
/// </remarks>
public sealed class OpaPolicyEngine : IPolicyEngine
{
    /// <summary>The <see cref="PolicyDecision.Backend"/> name of this engine.</summary>
    public const string BackendName = "opa";

    private static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };
    private readonly Func<HttpClient> _client;
    private readonly Uri _base;
    private readonly OpaPolicyEngineOptions _options;
    private readonly ILogger _logger;
    private string? _bundleDigest;

    /// <summary>Uses <paramref name="httpClient"/> as it is (no added retries or timeouts).</summary>
    public OpaPolicyEngine(HttpClient httpClient, OpaPolicyEngineOptions options, ILogger<OpaPolicyEngine>? logger = null)
        : this(() => httpClient, options, (ILogger?)logger ?? NullLogger.Instance)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
    }

    internal OpaPolicyEngine(Func<HttpClient> client, OpaPolicyEngineOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _options = options;
        _logger = logger;
        _bundleDigest = options.BundleDigest;
        var text = options.BaseAddress.ToString();
        _base = new Uri(text.EndsWith('/') ? text : text + "/");
    }

    /// <summary>The digest of the bundle the server answers from, when known (see <see cref="OpaPolicyEngineOptions.BundleDigest"/>).</summary>
    public string? BundleDigest => Volatile.Read(ref _bundleDigest);

    /// <inheritdoc />
    public async Task<PolicyDecision> EvaluateAsync(string path, JsonNode? input, CancellationToken cancellationToken = default)
    {
        var decisionPath = DecisionPath.Parse(path);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var decisionId = DecisionIds.New(started);
        var digest = BundleDigest;
        var (outcome, result, error, serverId) = await AskAsync(decisionPath, input, cancellationToken);
        if (outcome == PolicyOutcome.Error)
        {
            OpaLog.DecisionFailed(_logger, decisionId, decisionPath.Text, error!);
        }
        return new PolicyDecision
        {
            DecisionId = serverId ?? decisionId,
            Path = decisionPath.Text,
            Outcome = outcome,
            Result = result,
            Error = error,
            BundleDigest = digest,
            Backend = BackendName,
            Timestamp = started,
            Duration = clock.Elapsed,
        };
    }

    /// <inheritdoc />
    public async Task<PolicyEngineHealth> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await _client().GetAsync(new Uri(_base, "health"), cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return PolicyEngineHealth.Ready;
            }
            var reason = $"OPA answered {(int)response.StatusCode} to GET /health";
            OpaLog.Unhealthy(_logger, reason);
            return PolicyEngineHealth.Unavailable(reason);
        }
        catch (Exception e) when (IsTransportFailure(e, cancellationToken))
        {
            var reason = Describe(e);
            OpaLog.Unhealthy(_logger, reason);
            return PolicyEngineHealth.Unavailable(reason);
        }
    }

    /// <summary>
    /// Pushes a bundle to the server: each top-level data document with <c>PUT /v1/data/{key}</c>, then
    /// each module with <c>PUT /v1/policies/{file}</c>. Later decisions carry the bundle's digest.
    /// </summary>
    /// <exception cref="PolicyLoadException">The server refused a module (with its compile errors) or could not be reached.</exception>
    public async Task LoadBundleAsync(PolicyBundle bundle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        foreach (var (key, value) in bundle.Data)
        {
            using var content = new StringContent(value?.ToJsonString() ?? "null", JsonType);
            await SendForLoadAsync(HttpMethod.Put, "v1/data/" + Uri.EscapeDataString(key), content, key, cancellationToken);
        }
        foreach (var (file, source) in bundle.Modules)
        {
            using var content = new StringContent(source, Encoding.UTF8, "text/plain");
            var id = string.Join('/', file.Split('/').Select(Uri.EscapeDataString));
            await SendForLoadAsync(HttpMethod.Put, "v1/policies/" + id, content, file, cancellationToken);
        }
        Volatile.Write(ref _bundleDigest, bundle.Digest);
        OpaLog.BundleLoaded(_logger, bundle.Digest, bundle.Modules.Count);
    }

    private async Task<(PolicyOutcome, JsonNode?, string?, string?)> AskAsync(DecisionPath path, JsonNode? input, CancellationToken cancellationToken)
    {
        try
        {
            var url = "v1/data/" + string.Join('/', path.Segments.Select(Uri.EscapeDataString)) + (_options.StrictBuiltinErrors ? "?strict-builtin-errors=true" : string.Empty);
            var body = new JsonObject { ["input"] = input?.DeepClone() }.ToJsonString();
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_base, url)) { Content = new StringContent(body, JsonType) };
            using var response = await _client().SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return (PolicyOutcome.Error, null, $"OPA answered {(int)response.StatusCode}: {OpaErrorText.Summarize(text)}", null);
            }
            if (JsonNode.Parse(text) is not JsonObject answer)
            {
                return (PolicyOutcome.Error, null, "OPA's response is not a JSON object", null);
            }
            var serverId = answer["decision_id"] is JsonValue id && id.GetValueKind() == JsonValueKind.String ? id.GetValue<string>() : null;
            return answer.TryGetPropertyValue("result", out var result)
                ? (PolicyOutcome.Defined, result?.DeepClone(), null, serverId)
                : (PolicyOutcome.Undefined, null, null, serverId);
        }
        catch (JsonException e)
        {
            return (PolicyOutcome.Error, null, $"OPA's response is not valid JSON: {e.Message}", null);
        }
        catch (Exception e) when (IsTransportFailure(e, cancellationToken))
        {
            return (PolicyOutcome.Error, null, Describe(e), null);
        }
    }

    private async Task SendForLoadAsync(HttpMethod method, string url, HttpContent content, string what, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(method, new Uri(_base, url)) { Content = content };
            using var response = await _client().SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new PolicyLoadException(OpaErrorText.Problems(text, what, (int)response.StatusCode));
            }
        }
        catch (Exception e) when (IsTransportFailure(e, cancellationToken))
        {
            throw new PolicyLoadException("opa_unavailable", Describe(e), what, e);
        }
    }

    // Transport failures become deny decisions; the caller's own cancellation still propagates.
    private static bool IsTransportFailure(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or TimeoutRejectedException or IOException
        || e is OperationCanceledException && !cancellationToken.IsCancellationRequested;

    private string Describe(Exception e) => e switch
    {
        TimeoutRejectedException or OperationCanceledException => $"OPA at {_base} did not answer in time ({e.Message})",
        HttpRequestException h => $"OPA at {_base} is unreachable: {h.Message}",
        _ => $"OPA at {_base} failed: {e.Message}",
    };
}
