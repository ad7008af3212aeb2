using System.Text;
using System.Text.RegularExpressions;

namespace DataSpace.Deployment.Tests.Docker;

/// <summary>
/// A .dockerignore as BuildKit applies it: each pattern is cleaned and matched against the path
/// relative to the context and against each of its parent folders (<c>*</c> and <c>?</c> within one
/// segment, <c>**</c> across segments); the last matching pattern wins, and <c>!</c> re-includes.
/// </summary>
internal sealed class DockerIgnore
{
    private readonly List<(Regex Pattern, bool Include, string Text)> _rules = [];

    private DockerIgnore()
    {
    }

    public static DockerIgnore None { get; } = new();

    public static DockerIgnore Load(string contextDirectory)
    {
        var path = Path.Combine(contextDirectory, ".dockerignore");
        return File.Exists(path) ? Parse(File.ReadAllText(path)) : None;
    }

    public static DockerIgnore Parse(string text)
    {
        var ignore = new DockerIgnore();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var include = line.StartsWith('!');
            var pattern = Clean(include ? line[1..].Trim() : line);
            ignore._rules.Add((ToRegex(pattern), include, line));
        }
        return ignore;
    }

    /// <summary>True when <paramref name="relativePath"/> ('/'-separated, relative to the context) is left out of the context.</summary>
    public bool Excludes(string relativePath)
    {
        var path = Clean(relativePath);
        var candidates = new List<string>();
        var parts = path.Split('/');
        for (var i = 1; i <= parts.Length; i++)
        {
            candidates.Add(string.Join('/', parts.Take(i)));
        }
        var excluded = false;
        foreach (var (pattern, include, _) in _rules)
        {
            if (candidates.Any(c => pattern.IsMatch(c)))
            {
                excluded = !include;
            }
        }
        return excluded;
    }

    private static string Clean(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Replace('\\', '/').Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }
            if (segment == ".." && segments.Count > 0)
            {
                segments.RemoveAt(segments.Count - 1);
                continue;
            }
            segments.Add(segment);
        }
        return string.Join('/', segments);
    }

    private static Regex ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "**/" matches any number of folders, "**" at the end anything.
                i++;
                if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                {
                    i++;
                    regex.Append("(?:.*/)?");
                }
                else
                {
                    regex.Append(".*");
                }
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }
        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
