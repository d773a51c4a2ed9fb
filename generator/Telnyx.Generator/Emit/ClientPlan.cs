using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Telnyx.Generator.Helpers;
using Telnyx.Generator.Modeling;
using Telnyx.Generator.Naming;

namespace Telnyx.Generator.Emit;

/// <summary>A resource group of the client: its operations and its child groups.</summary>
internal sealed record ResourceModel(
    string ClassName,
    EquatableArray<string> Path,
    EquatableArray<ResourceChild> Children,
    EquatableArray<OperationModel> Operations);

/// <summary>A child group as a property: <c>Conferences.Actions</c>.</summary>
internal sealed record ResourceChild(string PropertyName, string ClassName);

/// <summary>Splits a model into output units: one per type, one per resource group, and the client.</summary>
internal static class ClientPlan
{
    public static ImmutableArray<EmitUnit> Units(ApiModel model)
    {
        var units = ImmutableArray.CreateBuilder<EmitUnit>();
        // Object models whose ThrowIfInvalid checks something; only those have one to call.
        var validated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in model.Types)
        {
            units.Add(new TypeUnit(model.Namespace, type));
            if (type is not ObjectModel o) continue;
            units.Add(new ObjectJsonUnit(model.Namespace, WithoutDocs(o)));
            if (ObjectEmitter.Validates(o)) validated.Add(o.Name);
        }

        var groups = new SortedDictionary<string, List<OperationModel>>(StringComparer.Ordinal);
        var children = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var op in model.Operations)
        {
            var path = op.ResourcePath.AsImmutableArray();
            string? parent = null;
            List<OperationModel>? group = null;
            for (var depth = 1; depth <= path.Length; depth++)
            {
                var key = parent is null ? path[0] : parent + "." + path[depth - 1];
                if (!groups.TryGetValue(key, out group)) groups[key] = group = new List<OperationModel>();
                if (!children.ContainsKey(key)) children[key] = new SortedSet<string>(StringComparer.Ordinal);
                if (parent is not null) children[parent].Add(path[depth - 1]);
                parent = key;
            }
            group?.Add(op);
        }
        var taken = model.Types.Select(t => t.Name).Concat(model.Operations.Where(op => op.QueryTypeName is not null).Select(op => op.QueryTypeName!));
        var classNames = new ResourceClassNames(taken);
        string ClassName(IEnumerable<string> path) => classNames.For(path);

        var roots = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var op in model.Operations)
        {
            if (op.ResourcePath.Count > 0) roots.Add(op.ResourcePath[0]);
        }

        foreach (var pair in groups)
        {
            var path = pair.Key.Split('.');
            var childList = children[pair.Key].Select(c => new ResourceChild(c, ClassName(path.Concat(new[] { c })))).ToEquatableArray();
            var validatedBodies = pair.Value
                .Where(op => op.Body is { Kind: TypeKind.Object, Name: { } body } && validated.Contains(body))
                .Select(op => op.Body!.Name!)
                .Distinct(StringComparer.Ordinal)
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToEquatableArray();
            units.Add(new ResourceUnit(model.Namespace, new ResourceModel(ClassName(path), path.ToEquatableArray(), childList, pair.Value.ToEquatableArray()), validatedBodies));
        }
        if (model.WebhookEvents.Count > 0) units.Add(new WebhooksUnit(model.Namespace, model.WebhookEvents));
        units.Add(new ClientUnit(model.Namespace, roots.Select(r => new ResourceChild(r, ClassName(new[] { r }))).ToEquatableArray(), model.WebhookEvents.Count > 0));
        return units.ToImmutable();
    }

    /// <summary>
    /// The model as the JSON half sees it: without the documentation only the shape file shows, so editing a
    /// description re-emits the shape file and leaves the JSON file cached. The constant stays: the reader returns it.
    /// </summary>
    private static ObjectModel WithoutDocs(ObjectModel o) => o with
    {
        Doc = null,
        Properties = o.Properties.Select(p => p with { Doc = null, IsDeprecated = false }).ToEquatableArray(),
    };
}
