using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Cli.Demo.Actions;
using DataSpace.Cli.Hosting;
using DataSpace.Core.Identity;

namespace DataSpace.Cli.Demo.Scenarios;

/// <summary>
/// Reads scenario.json and the sample files it names (paths relative to it), and checks everything
/// that can be checked before a service starts: every file readable, every alias and name defined
/// before it is used, every time relative or absolute, every expectation stated. All problems are
/// reported at once, each with where it is (<c>steps[1].actions[3].offer</c>); then it is an input
/// error (exit 3).
/// </summary>
internal sealed class ScenarioLoader
{
    private static readonly string[] Common = ["who", "do", "expect", "because", "note"];

    private readonly List<string> _problems = [];
    private readonly string _directory;
    private readonly HashSet<string> _participants = [];
    private readonly HashSet<string> _offers = [];
    private readonly HashSet<string> _agreements = [];
    private readonly HashSet<string> _transfers = [];
    private bool _audited;

    private ScenarioLoader(string directory) => _directory = directory;

    public static Scenario Load(string path)
    {
        var full = Path.GetFullPath(path);
        var root = CliFiles.ReadJsonObject(full);
        var loader = new ScenarioLoader(Path.GetDirectoryName(full)!);
        var scenario = loader.Read(full, root);
        if (loader._problems.Count > 0)
        {
            throw CliException.Input(
                $"scenario {path} has {loader._problems.Count} problem(s):{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", loader._problems)}",
                "samples/README.md describes scenario.json.");
        }
        return scenario;
    }

    private Scenario Read(string path, JsonObject root)
    {
        Strict(root, "scenario", ["title", "participants", "assets", "offers", "steps", "note"]);
        var title = Text(root, "title", "scenario") ?? "";
        var participants = Entries(root, "participants", "scenario").Select(p => Participant(p.Key, p.Value)).OfType<ParticipantSample>().ToList();
        var assets = Items(root, "assets", "scenario").Select((a, i) => Asset(a, $"assets[{i}]")).OfType<AssetSample>().ToList();
        var offers = Entries(root, "offers", "scenario").Select(o => Offer(o.Key, o.Value)).OfType<OfferSample>().ToList();
        var steps = Items(root, "steps", "scenario").Select((s, i) => Step(s, $"steps[{i}]")).ToList();
        foreach (var twice in participants.GroupBy(p => p.Id).Where(g => g.Count() > 1))
        {
            _problems.Add($"participants: {string.Join(" and ", twice.Select(p => p.Alias))} have the same id {twice.Key}.");
        }
        if (!_audited)
        {
            _problems.Add("steps: no \"audit\" action; the story ends with the audit of its ledger.");
        }
        return new Scenario(path, title, participants, assets, offers, steps);
    }

    private ParticipantSample? Participant(string alias, JsonNode? value)
    {
        var where = $"participants.{alias}";
        _participants.Add(alias);
        if (File(value, where) is not { } file || ReadJson(file, where) is not { } json)
        {
            return null;
        }
        Strict(json, file, ["id", "attributes", "note"]);
        var id = Text(json, "id", file);
        if (id is not null && !ParticipantId.TryParse(id, out _, out var error))
        {
            _problems.Add($"{file}: id: {error}.");
        }
        if (json["attributes"] is not JsonObject attributes)
        {
            _problems.Add($"{file}: attributes must be an object (name, country, sector, securityProfile, …).");
            return null;
        }
        return id is null ? null : new ParticipantSample(alias, id, attributes);
    }

    private AssetSample? Asset(JsonObject asset, string where)
    {
        Strict(asset, where, ["owner", "id", "file", "label", "note"]);
        var owner = Reference(asset, "owner", where, _participants, "a participant");
        var suffix = Text(asset, "id", where);
        var file = File(asset["file"], $"{where}.file");
        var label = File(asset["label"], $"{where}.label") is { } labelFile ? ReadJson(labelFile, $"{where}.label") : null;
        return owner is null || suffix is null || file is null || label is null ? null : new AssetSample(owner, suffix, file, label);
    }

    private OfferSample? Offer(string alias, JsonNode? value)
    {
        var where = $"offers.{alias}";
        _offers.Add(alias);
        if (value is not JsonObject offer)
        {
            _problems.Add($"{where} must be {{\"owner\", \"file\"}}.");
            return null;
        }
        Strict(offer, where, ["owner", "file", "note"]);
        var owner = Reference(offer, "owner", where, _participants, "a participant");
        if (File(offer["file"], $"{where}.file") is not { } file || ReadJson(file, $"{where}.file") is not { } body)
        {
            return null;
        }
        if (Text(body, "assetId", file) is null || body["terms"] is not JsonObject terms)
        {
            _problems.Add($"{file}: an offer is {{\"assetId\", \"offerId\"?, \"terms\": {{…}}}}.");
            return null;
        }
        Times(terms, file + ": terms", "validFrom", "validUntil");
        return owner is null ? null : new OfferSample(alias, owner, body);
    }

    private ScenarioStep Step(JsonObject step, string where)
    {
        Strict(step, where, ["title", "actions", "note"]);
        var title = Text(step, "title", where) ?? "";
        var actions = Items(step, "actions", where).Select((a, i) => Action(a, $"{where}.actions[{i}]")).OfType<DemoAction>().ToList();
        return new ScenarioStep(title, actions);
    }

    private DemoAction? Action(JsonObject a, string where)
    {
        var kind = Text(a, "do", where);
        if (_audited && kind is not ("audit" or "tamper"))
        {
            _problems.Add($"{where}: the space stops for the audit, so only audit and tamper actions may follow one.");
        }
        var expected = Expected(a, where);
        switch (kind)
        {
            case "browse":
                Strict(a, where, [.. Common, "offer"]);
                return Build(expected, Who(a, where), Reference(a, "offer", where, _offers, "an offer"), (w, o, e) => new BrowseAction(w, o, e));
            case "negotiate":
                return Negotiate(a, where, expected);
            case "transfer":
                Strict(a, where, [.. Common, "agreement", "as"]);
                var agreement = Reference(a, "agreement", where, _agreements, "an agreement (the \"as\" of an earlier negotiate)");
                var transfer = Name(a, where, _transfers);
                return Build(expected, Who(a, where), agreement, (w, g, e) => new TransferAction(w, g, transfer, e));
            case "use":
                Strict(a, where, [.. Common, "transfer", "purpose"]);
                var purpose = Text(a, "purpose", where);
                return purpose is null ? null : Build(expected, Who(a, where), Reference(a, "transfer", where, _transfers, "received data (the \"as\" of an earlier transfer)"),
                    (w, t, e) => new UseAction(w, t, purpose, e));
            case "await-deletion":
                Strict(a, where, [.. Common, "transfer", "within"]);
                var within = TimeSpan.FromSeconds(30);
                if (a["within"] is not null && !(a["within"] is JsonValue v && v.TryGetValue<string>(out var text) && RelativeTime.TryParseDuration(text, out within)))
                {
                    _problems.Add($"{where}.within must be a duration such as \"30s\".");
                }
                return Build(expected, Who(a, where), Reference(a, "transfer", where, _transfers, "received data (the \"as\" of an earlier transfer)"),
                    (w, t, e) => new AwaitDeletionAction(w, t, within, e));
            case "audit":
                Strict(a, where, ["do", "expect", "note"]);
                _audited = true;
                if (expected is { Decision: not Decision.Allow })
                {
                    _problems.Add($"{where}.expect must be \"allow\": the untampered ledger must verify.");
                }
                return expected is null ? null : new AuditAction(expected);
            case "tamper":
                Strict(a, where, ["do", "entry", "find", "replace", "expect", "because", "note"]);
                _audited = true;
                var entry = Reference(a, "entry", where, _agreements, "an agreement (the \"as\" of an earlier negotiate)");
                var (find, replace) = (Optional(a, "find", where), Optional(a, "replace", where));
                if ((find is null) != (replace is null) || (find is not null && Encoding.UTF8.GetByteCount(find) != Encoding.UTF8.GetByteCount(replace!)))
                {
                    _problems.Add($"{where}: find and replace go together and have the same length in bytes, so only that entry's bytes change.");
                }
                return entry is null || expected is null ? null : new TamperAction(entry, find, replace, expected);
            case null:
                return null;
            default:
                _problems.Add($"{where}.do \"{kind}\" is not an action (browse, negotiate, transfer, use, await-deletion, audit, tamper).");
                return null;
        }
    }

    private NegotiateAction? Negotiate(JsonObject a, string where, Expectation? expected)
    {
        Strict(a, where, [.. Common, "offer", "purpose", "destination", "delivery", "terms", "as", "counterOffer"]);
        var offer = Reference(a, "offer", where, _offers, "an offer");
        var counterOffer = Optional(a, "counterOffer", where);
        if (counterOffer is not (null or "accept" or "decline"))
        {
            _problems.Add($"{where}.counterOffer is \"{counterOffer}\"; use \"accept\" or \"decline\".");
        }
        var purpose = Text(a, "purpose", where);
        var destination = Optional(a, "destination", where);
        var delivery = Optional(a, "delivery", where) ?? "copy";
        var terms = a["terms"] as JsonObject ?? [];
        if (a["terms"] is not (null or JsonObject))
        {
            _problems.Add($"{where}.terms must be an object.");
        }
        Times(terms, $"{where}.terms", "validFrom", "validUntil", "deleteBy");
        if (terms["validUntil"] is null)
        {
            _problems.Add($"{where}.terms.validUntil is required (e.g. \"now+30d\").");
        }
        var name = Name(a, where, _agreements);
        var who = Who(a, where);
        return who is null || offer is null || purpose is null || expected is null
            ? null
            : new NegotiateAction(who, offer, purpose, destination, delivery, terms, counterOffer, name, expected);
    }

    private T? Build<T>(Expectation? expected, string? who, string? reference, Func<string, string, Expectation, T> create)
        where T : DemoAction =>
        expected is null || who is null || reference is null ? null : create(who, reference, expected);

    private Expectation? Expected(JsonObject a, string where)
    {
        var decision = Text(a, "expect", where) switch
        {
            "allow" => Decision.Allow,
            "deny" => Decision.Deny,
            null => (Decision?)null,
            var other => Invalid($"{where}.expect is \"{other}\"; use \"allow\" or \"deny\"."),
        };
        IReadOnlyList<string> because = a["because"] switch
        {
            null => [],
            JsonValue v when v.TryGetValue<string>(out var one) => [one],
            JsonArray many when many.All(m => m is JsonValue mv && mv.TryGetValue<string>(out _)) => [.. many.Select(m => m!.GetValue<string>())],
            _ => InvalidList($"{where}.because must be a text or a list of texts the reason must contain."),
        };
        return decision is { } d ? new Expectation(d, because) : null;
    }

    private string? Who(JsonObject a, string where) => Reference(a, "who", where, _participants, "a participant");

    private string? Reference(JsonObject o, string member, string where, HashSet<string> defined, string what)
    {
        var name = Text(o, member, where);
        if (name is not null && !defined.Contains(name))
        {
            _problems.Add($"{where}.{member}: \"{name}\" is not {what} defined before this point.");
            return null;
        }
        return name;
    }

    private string? Name(JsonObject a, string where, HashSet<string> names)
    {
        var name = Optional(a, "as", where);
        if (name is not null && (_agreements.Contains(name) || _transfers.Contains(name)))
        {
            _problems.Add($"{where}.as: \"{name}\" is already taken.");
        }
        else if (name is not null)
        {
            names.Add(name);
        }
        return name;
    }

    private void Times(JsonObject o, string where, params string[] members)
    {
        foreach (var member in members)
        {
            if (o[member] is { } value && !(value is JsonValue v && v.TryGetValue<string>(out var text) && RelativeTime.IsTime(text)))
            {
                _problems.Add($"{where}.{member} must be a time: \"now\", \"now+30d\", \"now-1h\", \"now+8s\", or yyyy-MM-ddTHH:mm:ssZ.");
            }
        }
    }

    private string? File(JsonNode? value, string where)
    {
        if (value is not JsonValue v || !v.TryGetValue<string>(out var relative))
        {
            _problems.Add($"{where} must be a file path relative to scenario.json.");
            return null;
        }
        var path = Path.GetFullPath(Path.Combine(_directory, relative));
        if (!System.IO.File.Exists(path))
        {
            _problems.Add($"{where}: {relative} does not exist (next to scenario.json).");
            return null;
        }
        return path;
    }

    private JsonObject? ReadJson(string path, string where)
    {
        try
        {
            return CliFiles.ReadJsonObject(path);
        }
        catch (CliException e)
        {
            _problems.Add($"{where}: {e.Message}");
            return null;
        }
    }

    private string? Text(JsonObject o, string member, string where)
    {
        if (o[member] is JsonValue v && v.TryGetValue<string>(out var text) && text.Length > 0)
        {
            return text;
        }
        _problems.Add($"{where}.{member} is required: a text.");
        return null;
    }

    private string? Optional(JsonObject o, string member, string where) => o[member] is null ? null : Text(o, member, where);

    private IEnumerable<JsonObject> Items(JsonObject o, string member, string where)
    {
        if (o[member] is JsonArray items && items.All(i => i is JsonObject))
        {
            return items.Cast<JsonObject>();
        }
        _problems.Add($"{where}.{member} must be a list of objects.");
        return [];
    }

    private IEnumerable<KeyValuePair<string, JsonNode?>> Entries(JsonObject o, string member, string where)
    {
        if (o[member] is JsonObject entries)
        {
            return entries.ToList();
        }
        _problems.Add($"{where}.{member} must be an object of alias → value.");
        return [];
    }

    private void Strict(JsonObject o, string where, string[] known)
    {
        foreach (var (name, _) in o.Where(p => !known.Contains(p.Key)))
        {
            _problems.Add($"{where}: unknown member \"{name}\" (known: {string.Join(", ", known)}).");
        }
    }

    private Decision? Invalid(string problem)
    {
        _problems.Add(problem);
        return null;
    }

    private string[] InvalidList(string problem)
    {
        _problems.Add(problem);
        return [];
    }
}
