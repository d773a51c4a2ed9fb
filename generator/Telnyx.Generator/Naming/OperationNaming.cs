using System;
using System.Collections.Generic;
using System.Linq;
using Telnyx.Generator.Diagnostics;
using Telnyx.Generator.Helpers;

namespace Telnyx.Generator.Naming;

/// <summary>The names one operation gets before anything of it is built.</summary>
/// <param name="OperationId">The spec's operationId, or one made from the method and path.</param>
/// <param name="BaseName">The operationId as a type name: the stem of the operation's request, response and parameters types.</param>
/// <param name="Resources">The resource group path of the client: <c>["Conferences", "Actions"]</c>.</param>
/// <param name="MethodName">The client method, unique in its group, without <c>Async</c>.</param>
internal sealed record OperationNames(string OperationId, string BaseName, EquatableArray<string> Resources, string MethodName);

/// <summary>
/// Names the operations of one document in sorted order: operation ids (a repeated one is reported), resource groups
/// from the path, and method names unique per group (a changed one is reported).
/// </summary>
internal sealed class OperationNaming
{
    private readonly Dictionary<string, NameScope> _methodNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _operationIds = new(StringComparer.Ordinal);
    private readonly List<PendingDiagnostic> _diagnostics;

    public OperationNaming(List<PendingDiagnostic> diagnostics) => _diagnostics = diagnostics;

    /// <param name="httpMethod">Upper case: <c>GET</c>, <c>POST</c>...</param>
    /// <param name="pointer">The operation's JSON pointer, where collisions are reported.</param>
    public OperationNames Name(string path, string httpMethod, string? operationId, string pointer)
    {
        var id = string.IsNullOrWhiteSpace(operationId)
            ? Identifiers.ToPascalCase(httpMethod.ToLowerInvariant() + " " + path, "Operation")
            : operationId!;
        if (!_operationIds.Add(id))
        {
            Report(pointer + "/operationId", "operationId " + id, id + " (again)", path);
        }
        var baseName = Identifiers.ToTypeName(id, "Operation");

        var (resources, verb) = ResourceAndVerb(path, httpMethod, baseName);
        var groupKey = string.Join(".", resources);
        if (!_methodNames.TryGetValue(groupKey, out var scope))
        {
            scope = new NameScope(ReservedNames.ResourceMembers(resources));
            _methodNames[groupKey] = scope;
        }
        var methodName = scope.Claim(verb, baseName);
        if (methodName != verb) Report(pointer, groupKey + "." + verb, methodName, id);
        return new OperationNames(id, baseName, resources.ToEquatableArray(), methodName);
    }

    private void Report(string pointer, params string[] args)
        => _diagnostics.Add(new PendingDiagnostic(DiagnosticDescriptorId.NameCollision.Value, pointer, args.ToEquatableArray()));

    /// <summary>
    /// Resources come from the path's static segments, the verb from its shape: collection GET -> List, POST -> Create;
    /// item GET -> Retrieve, PATCH/PUT/POST -> Update, DELETE -> Delete; <c>.../actions/x</c> -> <c>Actions.X</c>.
    /// </summary>
    public static (string[] Resources, string Verb) ResourceAndVerb(string path, string method, string fallback)
    {
        var segments = path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        var statics = new List<string>();
        var endsWithParameter = false;
        foreach (var segment in segments)
        {
            endsWithParameter = segment.StartsWith("{", StringComparison.Ordinal);
            if (!endsWithParameter) statics.Add(Identifiers.ToPascalCase(segment, "Resource", "V"));
        }
        if (statics.Count == 0) return (new[] { "Root" }, fallback);

        if (!endsWithParameter && statics.Count >= 2 && statics[statics.Count - 2] == "Actions" && !segments[segments.Length - 2].StartsWith("{", StringComparison.Ordinal))
        {
            var action = statics[statics.Count - 1];
            return (statics.Take(statics.Count - 1).ToArray(), action);
        }
        var verb = (endsWithParameter, method) switch
        {
            (false, "GET") => "List",
            (false, "POST") => "Create",
            (true, "GET") => "Retrieve",
            (true, "PATCH") or (true, "PUT") or (true, "POST") => "Update",
            (true, "DELETE") => "Delete",
            (false, "PUT") or (false, "PATCH") => "Update",
            (false, "DELETE") => "Delete",
            _ => fallback,
        };
        return (statics.ToArray(), verb);
    }
}
