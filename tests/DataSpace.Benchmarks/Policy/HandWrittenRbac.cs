using System.Text.Json.Nodes;

namespace DataSpace.Benchmarks.Policy;

/// <summary>
/// The same rules as <see cref="RbacPolicy.Source"/> written by hand in C# over the same data, reading
/// the same JSON input: the floor that the embedded engine is compared with.
/// </summary>
internal sealed class HandWrittenRbac
{
    private readonly Dictionary<string, string[]> _userRoles;
    private readonly Dictionary<string, (string Action, string Type)[]> _roleGrants;

    public HandWrittenRbac(JsonObject data)
    {
        _userRoles = data["user_roles"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.AsArray().Select(r => r!.GetValue<string>()).ToArray());
        _roleGrants = data["role_grants"]!.AsObject().ToDictionary(
            p => p.Key,
            p => p.Value!.AsArray().Select(g => (g!["action"]!.GetValue<string>(), g["type"]!.GetValue<string>())).ToArray());
    }

    public bool Allow(JsonObject input)
    {
        if (input["user"]?.GetValue<string>() is not { } user || !_userRoles.TryGetValue(user, out var roles))
        {
            return false;
        }
        if (roles.Contains("admin"))
        {
            return true;
        }
        var action = input["action"]?.GetValue<string>();
        var type = input["type"]?.GetValue<string>();
        foreach (var role in roles)
        {
            if (_roleGrants.TryGetValue(role, out var grants) && grants.Any(g => g.Action == action && g.Type == type))
            {
                return true;
            }
        }
        return false;
    }
}
