namespace DataSpace.Rego.Builtins;

/// <summary><c>walk</c> (a relation over every path and value) and <c>graph.reachable</c>, <c>graph.reachable_paths</c>.</summary>
internal static class GraphBuiltins
{
    public static void Register(Registrar r)
    {
        r.Relation("walk", 1, (a, _) => Walk(a[0], []));
        r.Add("graph.reachable", 2, Reachable);
        r.Add("graph.reachable_paths", 2, ReachablePaths);
    }

    private static IEnumerable<RegoValue> Walk(RegoValue v, List<RegoValue> path)
    {
        yield return new RegoArray([new RegoArray(path.ToArray()), v]);
        IEnumerable<(RegoValue Key, RegoValue Value)> children = v switch
        {
            RegoArray arr => arr.Items.Select((x, i) => ((RegoValue)RegoNumber.Of(i), x)),
            RegoObject o => o.Entries.Select(e => (e.Key, e.Value)),
            RegoSet s => s.Items.Select(x => (x, x)),
            _ => [],
        };
        foreach (var (key, child) in children)
        {
            path.Add(key);
            foreach (var item in Walk(child, path))
            {
                yield return item;
            }
            path.RemoveAt(path.Count - 1);
        }
    }

    private static IEnumerable<RegoValue> Neighbours(RegoObject graph, RegoValue node) =>
        graph.TryGetValue(node, out var edges) ? edges switch
        {
            RegoArray arr => arr.Items,
            RegoSet s => s.Items,
            RegoObject o => o.Map.Values,
            _ => [],
        } : [];

    private static RegoValue Reachable(RegoValue[] a)
    {
        var graph = Args.Object(a, 0, "graph.reachable");
        var initial = a[1] switch
        {
            RegoArray arr => arr.Items,
            RegoSet s => s.Items,
            _ => throw Args.TypeError("graph.reachable", 1, "one of {array, set}", a[1]),
        };
        var seen = new HashSet<RegoValue>();
        var queue = new Queue<RegoValue>(initial);
        while (queue.Count > 0)
        {
            var n = queue.Dequeue();
            if (!graph.TryGetValue(n, out _) || !seen.Add(n))
            {
                continue;
            }
            foreach (var next in Neighbours(graph, n))
            {
                queue.Enqueue(next);
            }
        }
        return new RegoSet(seen);
    }

    private static RegoValue ReachablePaths(RegoValue[] a)
    {
        var graph = Args.Object(a, 0, "graph.reachable_paths");
        var initial = a[1] switch
        {
            RegoArray arr => arr.Items,
            RegoSet s => s.Items,
            _ => throw Args.TypeError("graph.reachable_paths", 1, "one of {array, set}", a[1]),
        };
        var paths = new HashSet<RegoValue>();
        foreach (var start in initial)
        {
            if (graph.TryGetValue(start, out _))
            {
                Paths(graph, start, [start], paths);
            }
        }
        return new RegoSet(paths);
    }

    private static void Paths(RegoObject graph, RegoValue node, List<RegoValue> path, HashSet<RegoValue> into)
    {
        var next = Neighbours(graph, node).Where(n => graph.TryGetValue(n, out _) && !path.Contains(n)).ToList();
        if (next.Count == 0)
        {
            into.Add(new RegoArray(path.ToArray()));
            return;
        }
        foreach (var n in next)
        {
            path.Add(n);
            Paths(graph, n, path, into);
            path.RemoveAt(path.Count - 1);
        }
    }
}
