using System.Text;
using System.Text.Json.Nodes;
using DataSpace.Policy;

namespace DataSpace.Benchmarks.Policy;

/// <summary>
/// The role-based access policy of OPA's documentation (users → roles → grants, with an admin
/// shortcut), the kind OPA's policy-performance pages benchmark, with its data and inputs.
/// </summary>
internal static class RbacPolicy
{
    public const string DecisionPath = "app/rbac/allow";

    public const string Source = """
        package app.rbac

        default allow := false

        allow if user_is_admin

        allow if {
            some grant in user_is_granted
            input.action == grant.action
            input.type == grant.type
        }

        user_is_admin if "admin" in data.user_roles[input.user]

        user_is_granted contains grant if {
            some role in data.user_roles[input.user]
            some grant in data.role_grants[role]
        }
        """;

    public const string Data = """
        {
          "user_roles": {
            "alice": ["admin"],
            "bob": ["employee", "billing"],
            "eve": ["customer"]
          },
          "role_grants": {
            "customer": [
              {"action": "read", "type": "dog"}, {"action": "read", "type": "cat"},
              {"action": "adopt", "type": "dog"}, {"action": "adopt", "type": "cat"}
            ],
            "employee": [
              {"action": "read", "type": "dog"}, {"action": "read", "type": "cat"},
              {"action": "update", "type": "dog"}, {"action": "update", "type": "cat"}
            ],
            "billing": [
              {"action": "read", "type": "finance"}, {"action": "update", "type": "finance"}
            ]
          }
        }
        """;

    public static PolicyBundle Bundle() => PolicyBundle.FromFiles([
        new BundleFile("app/rbac/policy.rego", Encoding.UTF8.GetBytes(Source)),
        new BundleFile("data.json", Encoding.UTF8.GetBytes(Data)),
    ]);

    /// <summary>Bob reads finance data through his billing role: the grant path, the slower of the two allows.</summary>
    public static JsonObject GrantedInput() => new() { ["user"] = "bob", ["action"] = "read", ["type"] = "finance" };

    /// <summary>Eve may not update dogs: every grant is examined and none matches.</summary>
    public static JsonObject DeniedInput() => new() { ["user"] = "eve", ["action"] = "update", ["type"] = "dog" };
}
