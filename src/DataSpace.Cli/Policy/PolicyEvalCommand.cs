using System.CommandLine;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DataSpace.Cli.Hosting;
using DataSpace.Policy;
using DataSpace.Rego;

namespace DataSpace.Cli.Policy;

/// <summary>
/// <c>dataspace policy eval -d DIR [-i input.json] [--data data.json] QUERY</c>: prints the result as
/// <c>opa eval</c> does (<c>{"result": [{"expressions": [...], "bindings": {...}}]}</c>, or <c>{}</c> when undefined).
/// </summary>
internal static partial class PolicyEvalCommand
{
    // The variable that captures a reference query's value, so a false document prints as false (as OPA does).
    private const string Capture = "dataspace_eval_value";

    public static Command Create(CliConsole console)
    {
        var dir = new Option<string>("--policies", "-d") { Description = "The policy directory or .tar.gz bundle.", Required = true };
        var input = new Option<string?>("--input", "-i") { Description = "A JSON file to use as the input document." };
        var data = new Option<string?>("--data") { Description = "A JSON file merged into the base data document." };
        var explain = new Option<bool>("--explain") { Description = "Also print, on stderr, which rules produced values." };
        var strict = new Option<bool>("--strict-builtin-errors") { Description = "Treat builtin errors as evaluation errors." };
        var v0 = PolicyOptions.V0Compatible();
        var query = new Argument<string>("QUERY") { Description = "A Rego query, e.g. data.dataspace.transfer.decision." };
        var command = new Command("eval", "Evaluate a Rego query against policies and print the result as JSON (like 'opa eval').")
        {
            dir, input, data, explain, strict, v0, query,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var path = parsed.GetRequiredValue(dir);
            var bundle = PolicyLoading.LoadBundle(path, parsed.GetValue(v0));
            var engine = Compile(path, bundle, parsed.GetValue(data));
            var inputValue = parsed.GetValue(input) is { } inputPath ? RegoValue.FromJsonNode(PolicyFiles.ReadJson(inputPath)) : null;
            var text = parsed.GetRequiredValue(query);
            var options = new RegoEvaluationOptions { Explain = parsed.GetValue(explain), StrictBuiltinErrors = parsed.GetValue(strict), CancellationToken = cancellationToken };

            var isReference = ReferenceQuery().IsMatch(text);
            RegoQueryResult result;
            try
            {
                result = engine.Evaluate(isReference ? $"{text} = {Capture}" : text, inputValue, options);
            }
            catch (RegoCompileException e)
            {
                throw CliException.Input($"the query does not compile: {string.Join("; ", e.Diagnostics)}", "check the query's syntax; quote it for the shell.", e);
            }
            catch (RegoException e)
            {
                throw CliException.Input($"evaluation failed: {e.Message}", inner: e);
            }

            await console.Out.WriteLineAsync(EvalOutput.Format(result, text, isReference ? Capture : null).ToJsonString(EvalOutput.Indented));
            if (options.Explain)
            {
                foreach (var rule in result.FiredRules)
                {
                    await console.Error.WriteLineAsync($"fired: {rule.Path} ({rule.Kind}, {rule.Location.File}:{rule.Location.Line}:{rule.Location.Column})");
                }
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static RegoEngine Compile(string path, PolicyBundle bundle, string? dataFile)
    {
        var data = bundle.Data;
        if (dataFile is not null)
        {
            if (PolicyFiles.ReadJson(dataFile) is not JsonObject extra)
            {
                throw CliException.Input($"{dataFile} must hold a JSON object (the data document).");
            }
            try
            {
                BundleData.MergeDocument(data, extra, dataFile);
            }
            catch (PolicyLoadException e)
            {
                throw PolicyLoading.Failure(path, e);
            }
        }
        try
        {
            return RegoCompilation.Compile(bundle.RegoModules, data);
        }
        catch (PolicyLoadException e)
        {
            throw PolicyLoading.Failure(path, e);
        }
    }

    // data.a.b, input.x, data.a[x], data.a["k"]: a reference whose value opa eval prints, even false.
    [GeneratedRegex("""^\s*(data|input)(\.[A-Za-z_][A-Za-z0-9_]*|\[[^\[\]]*\])*\s*$""")]
    private static partial Regex ReferenceQuery();
}
