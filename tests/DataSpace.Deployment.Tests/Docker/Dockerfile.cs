using System.Text.Json;

namespace DataSpace.Deployment.Tests.Docker;

/// <summary>
/// A Dockerfile read as BuildKit reads it, as far as the checks need: parser directives and
/// comments skipped, backslash continuations joined, instructions grouped into stages by FROM.
/// </summary>
internal sealed class Dockerfile
{
    private Dockerfile(string path, List<Stage> stages)
    {
        Path = path;
        Stages = stages;
    }

    /// <summary>The path as the compose file names it (relative to the build context).</summary>
    public string Path { get; }

    public IReadOnlyList<Stage> Stages { get; }

    public Stage Final => Stages[^1];

    public static Dockerfile Parse(string path, string text)
    {
        var stages = new List<Stage>();
        Stage? current = null;
        foreach (var (line, number) in LogicalLines(text))
        {
            var split = line.IndexOfAny([' ', '\t']);
            var keyword = (split < 0 ? line : line[..split]).ToUpperInvariant();
            var arguments = split < 0 ? string.Empty : line[(split + 1)..].Trim();
            var instruction = new Instruction(keyword, arguments, number);
            if (keyword == "FROM")
            {
                var words = Instruction.Words(arguments).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
                var name = words.Count >= 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
                current = new Stage(stages.Count, words.FirstOrDefault() ?? string.Empty, name, number);
                stages.Add(current);
            }
            else if (current is null)
            {
                if (keyword != "ARG")
                {
                    throw new FormatException($"{path}:{number}: {keyword} before the first FROM.");
                }
            }
            else
            {
                current.Instructions.Add(instruction);
            }
        }
        return new Dockerfile(path, stages);
    }

    private static IEnumerable<(string Line, int Number)> LogicalLines(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var directives = true;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith('#'))
            {
                // "# syntax=…" and "# escape=…" at the top are parser directives; all else is a comment.
                directives &= line.Contains('=', StringComparison.Ordinal);
                continue;
            }
            directives = false;
            if (line.Length == 0)
            {
                continue;
            }
            var number = i + 1;
            var joined = new System.Text.StringBuilder();
            while (line.EndsWith('\\'))
            {
                joined.Append(line[..^1]).Append(' ');
                // Comment lines inside a continued instruction are dropped, as BuildKit does.
                do
                {
                    i++;
                    line = i < lines.Length ? lines[i].Trim() : string.Empty;
                }
                while (i < lines.Length && line.StartsWith('#'));
            }
            joined.Append(line);
            yield return (joined.ToString(), number);
        }
    }
}

/// <summary>One stage: its base, its optional name and its instructions after FROM.</summary>
internal sealed class Stage(int index, string baseImage, string? name, int line)
{
    public int Index { get; } = index;

    public string BaseImage { get; } = baseImage;

    public string? Name { get; } = name;

    public int Line { get; } = line;

    public List<Instruction> Instructions { get; } = [];

    public IEnumerable<Instruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);

    public Instruction? Last(string keyword) => Instructions.LastOrDefault(i => i.Keyword == keyword);

    /// <summary>The ENV values this stage sets (<c>ENV A=1 B=2</c> or <c>ENV A 1</c>).</summary>
    public Dictionary<string, string> Environment()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var env in All("ENV"))
        {
            var words = Instruction.Words(env.Arguments);
            if (words.Count >= 1 && !words[0].Contains('=', StringComparison.Ordinal))
            {
                values[words[0]] = string.Join(' ', words.Skip(1));
                continue;
            }
            foreach (var word in words)
            {
                var pair = word.Split('=', 2);
                values[pair[0]] = pair.Length == 2 ? pair[1] : string.Empty;
            }
        }
        return values;
    }
}

/// <summary>An instruction: keyword, the rest of the (joined) line, and where it starts.</summary>
internal sealed record Instruction(string Keyword, string Arguments, int Line)
{
    /// <summary>The exec form (<c>["a", "b"]</c>) as its items, else the shell form split into words.</summary>
    public IReadOnlyList<string> Exec()
    {
        if (Arguments.StartsWith('['))
        {
            try
            {
                return JsonSerializer.Deserialize<string[]>(Arguments) ?? [];
            }
            catch (JsonException)
            {
                // Not JSON: BuildKit then treats it as the shell form too.
            }
        }
        return Words(Arguments);
    }

    /// <summary>The <c>--flag=value</c> options at the start of the arguments (COPY --from, --chmod…).</summary>
    public Dictionary<string, string> Flags() =>
        Words(Arguments).TakeWhile(w => w.StartsWith("--", StringComparison.Ordinal))
            .Select(w => w[2..].Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length == 2 ? p[1] : "true", StringComparer.Ordinal);

    /// <summary>The arguments after the leading flags.</summary>
    public IReadOnlyList<string> Operands() =>
        [.. Words(Arguments).SkipWhile(w => w.StartsWith("--", StringComparison.Ordinal))];

    /// <summary>Splits on white space, keeping quoted strings together (quotes removed).</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        char? quote = null;
        var any = false;
        foreach (var c in text)
        {
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                any = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (any || word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    any = false;
                }
            }
            else
            {
                word.Append(c);
            }
        }
        if (any || word.Length > 0)
        {
            words.Add(word.ToString());
        }
        return words;
    }
}
