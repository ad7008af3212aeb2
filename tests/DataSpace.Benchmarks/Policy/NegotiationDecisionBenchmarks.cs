using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using DataSpace.Core;
using DataSpace.Core.Catalog;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Policies;
using DataSpace.Crypto.Json;
using DataSpace.Hosting.Policies;
using DataSpace.Policy;
using DataSpace.Rego;

namespace DataSpace.Benchmarks.Policy;

/// <summary>
/// One <c>dataspace.negotiation</c> decision as the broker and the provider take it for each
/// negotiation of the load script (scripts/bench/negotiation-load.sh): the repository's policy pack,
/// the load script's offer and request, the input built by <see cref="PolicyInputs"/>. Split into
/// its parts (input built, query alone, engine decision, the gate with its ledger record), so that
/// the cost of each is seen apart from the HTTP and signature work around it.
/// </summary>
[MemoryDiagnoser]
public class NegotiationDecisionBenchmarks
{
    private EmbeddedPolicyEngine _engine = null!;
    private PolicyGate _gate = null!;
    private PreparedQuery _query = null!;
    private JsonObject _subject = null!;
    private Offer _offer = null!;
    private ContractRequest _request = null!;
    private DateTimeOffset _now;
    private JsonObject _input = null!;
    private RegoValue _regoInput = null!;
    private PolicyDecision _decision = null!;
    private JsonObject _record = null!;

    [GlobalSetup]
    public void Setup()
    {
        var bundle = PolicyBundle.Load(Path.Combine(DataSpace.Testing.RepositoryPaths.RepositoryRoot, "policies"));
        _engine = EmbeddedPolicyEngine.Create(bundle);
        _gate = new PolicyGate(_engine, bundle);
        _query = _engine.Rego.Prepare("data.dataspace.negotiation.decision = x");
        _now = DateTimeOffset.UtcNow;
        _subject = new JsonObject
        {
            ["country"] = "CN", ["id"] = "88.608.7000", ["kind"] = "enterprise", ["name"] = "Load consumer 88.608.7000",
            ["sector"] = "C36", ["securityAgreement"] = true, ["securityProfile"] = 3,
        };
        var label = new JsonObject
        {
            ["category"] = "general", ["domain"] = "production", ["sector"] = "C31",
            ["personalInfo"] = new JsonObject { ["contains"] = false },
            ["crossBorder"] = new JsonObject { ["status"] = "domestic-only", ["approvals"] = new JsonArray() },
            ["tradeSecret"] = false, ["derivedFrom"] = new JsonArray(),
            ["reviewBy"] = Timestamps.Format(_now.AddYears(1)),
        };
        _offer = new Offer("offer-1", "88.608.1001", "88.608.1001/LOAD-1", label,
            new OfferTerms(["quality-analysis"], _now.Date.AddDays(-2), _now.Date.AddDays(90), ["copy"], false, ["88.608.7000"], false, 10), _now);
        _request = new ContractRequest("load-0-1", "offer-1", "88.608.7000", "quality-analysis", "CN", "copy",
            new RequestedTerms(["quality-analysis"], _now.AddDays(-1), _now.AddDays(30), 5), _now);
        _input = Input();
        _regoInput = RegoValue.FromJsonNode(_input);
        _decision = _engine.Evaluate(PolicyInputs.NegotiationPath, _input);
        _record = _decision.ToRecord(_input);
        if (!_decision.IsAllowed)
        {
            throw new InvalidOperationException("the load script's negotiation is not allowed by the policy pack: the benchmark would time a denial.");
        }
    }

    [Benchmark(Description = "input built (PolicyInputs.Negotiate)")]
    public JsonObject InputBuilt() => Input();

    [Benchmark(Description = "Rego prepared query only")]
    public int PreparedQuery() => _query.Evaluate(_regoInput).Solutions.Count;

    [Benchmark(Description = "embedded engine, decision")]
    public bool EngineDecision() => _engine.Evaluate(PolicyInputs.NegotiationPath, _input).IsAllowed;

    [Benchmark(Baseline = true, Description = "policy gate: input, decision and record")]
    public async Task<bool> GateDecision() => (await _gate.DecideAsync(PolicyInputs.NegotiationPath, Input(), CancellationToken.None)).Allowed;

    [Benchmark(Description = "decision record built (ToRecord)")]
    public JsonObject RecordBuilt() => _decision.ToRecord(_input);

    [Benchmark(Description = "decision record made canonical")]
    public CanonicalValue RecordCanonical() => CanonicalValue.Of(_record);

    private JsonObject Input() => PolicyInputs.Negotiate(_subject, _offer, _request, _now);
}
