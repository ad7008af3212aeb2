using System.Text.Json.Nodes;

namespace DataSpace.Core.Labels;

/// <summary>
/// The grade of a classification label as the ledger invariants need it: the effective grade is
/// the highest of the asset's own category and every <c>derivedFrom</c> input's (就高从严, DSL
/// Art. 21). The policy pack computes the same in Rego (<c>classification.effective_grade</c>);
/// this copy lets the auditor check "no core data released" without trusting any decision.
/// </summary>
public static class LabelGrade
{
    /// <summary>The grades from lowest to highest.</summary>
    public static IReadOnlyList<string> Grades { get; } = ["general", "important", "core"];

    /// <summary>The effective grade, or null when the label names no valid category.</summary>
    public static string? Effective(JsonObject? label)
    {
        if (label is null || Rank(label["category"]) is not { } rank)
        {
            return null;
        }
        if (label["derivedFrom"] is JsonArray inputs)
        {
            foreach (var input in inputs)
            {
                if (input is not JsonObject item || Rank(item["category"]) is not { } inputRank)
                {
                    return null;
                }
                rank = Math.Max(rank, inputRank);
            }
        }
        return Grades[rank];
    }

    private static int? Rank(JsonNode? category) =>
        category is JsonValue value && value.TryGetValue<string>(out var text) && Grades.IndexOf(text) is var i and >= 0 ? i : null;

    private static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }
        return -1;
    }
}
