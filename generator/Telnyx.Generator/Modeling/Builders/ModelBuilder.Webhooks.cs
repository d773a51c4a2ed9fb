using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using Microsoft.OpenApi;
using Telnyx.Generator.Diagnostics;
using Telnyx.Generator.Helpers;
using Telnyx.Generator.Naming;
using Telnyx.Generator.OpenApi;

namespace Telnyx.Generator.Modeling.Builders;

internal sealed partial class ModelBuilder
{
    // ---- webhooks ---------------------------------------------------------------------------------------------

    /// <summary>
    /// The webhooks' part of the naming stage. A bare event component (<c>event_type</c> beside its fields, no
    /// envelope) gives its name to the event class, and its data record drops the <c>Event</c> suffix
    /// (<see cref="BuildWebhooks"/>); the types inside it are named after the data record from the start, so its
    /// payload is <c>{Event}Payload</c> as every wrapped event's is.
    /// </summary>
    private void NameWebhookEvents()
    {
        if (_document.Webhooks is null) return;
        foreach (var key in _document.Webhooks.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            if (_filter is not null && !_filter.IncludesWebhook(key)) continue;
            var item = _document.Webhooks[key];
            if (item?.Operations is null || !TryGetOperation(item.Operations, HttpMethod.Post, out var operation)) continue;
            var (_, media) = JsonMedia(operation.RequestBody?.Content);
            if (media?.Schema is not { } schema || SchemaFacts.ReferenceId(schema) is not { } id || !_componentNames.TryGetValue(id, out var component)) continue;
            if (TargetOf(schema)?.Properties is not { } properties || !properties.ContainsKey("event_type")) continue;
            _memberTypeParents[component] = TypeNames.EventData(component);
        }
    }

    /// <summary>Type name -> the name its inline member types are qualified with, where the two differ.</summary>
    private readonly Dictionary<string, string> _memberTypeParents = new(StringComparer.Ordinal);

    /// <summary>
    /// One event class per webhook. A wrapped event's envelope component (<c>{ "data": CallEnqueued }</c>, named
    /// <c>CallEnqueuedEvent</c>) becomes the event class; a bare event's component (<c>ConferenceFloorChangedEvent</c>)
    /// keeps the event class name and its data record drops the <c>Event</c> suffix, so both shapes read the same.
    /// </summary>
    private EquatableArray<WebhookEventModel> BuildWebhooks()
    {
        var result = new List<WebhookEventModel>();
        if (_document.Webhooks is null) return EquatableArray<WebhookEventModel>.Empty;
        var classNames = new HashSet<string>(StringComparer.Ordinal);
        var referenced = ReferencedTypeNames();
        foreach (var key in _document.Webhooks.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            if (_filter is not null && !_filter.IncludesWebhook(key)) continue;
            var item = _document.Webhooks[key];
            if (item?.Operations is null || !TryGetOperation(item.Operations, HttpMethod.Post, out var operation)) continue;
            var pointer = "#/webhooks/" + SchemaFacts.EscapePointerSegment(key) + "/post";
            var (_, media) = JsonMedia(operation.RequestBody?.Content);
            if (media?.Schema is null) continue;
            var bodyType = Resolve(media.Schema, TypeNameHint.Exact(TypeNames.WebhookBody(key)), pointer + "/requestBody");
            if (bodyType.Kind != TypeKind.Object || !_types.TryGetValue(bodyType.Name!, out var bodyModel) || bodyModel is not ObjectModel body) continue;

            var data = body.Properties.FirstOrDefault(p => p.JsonName == "data" && p.Type.Kind == TypeKind.Object);
            var wrapped = data is not null && !body.Properties.Any(p => p.JsonName == "event_type");
            var dataModel = wrapped && _types.TryGetValue(data!.Type.Name!, out var d) ? d as ObjectModel : body;
            if (dataModel is null) continue;
            var eventType = EventTypeValue(dataModel);
            if (eventType is null) continue;

            string className;
            if (wrapped)
            {
                className = body.Name;
                if (classNames.Contains(className) || referenced.Contains(className)) className = _typeNames.Claim(TypeNames.WebhookClass(dataModel.Name), pointer);
                else _types.Remove(className);
            }
            else
            {
                className = body.Name;
                if (classNames.Contains(className) || referenced.Contains(className))
                {
                    className = _typeNames.Claim(TypeNames.WebhookClass(body.Name), pointer);
                }
                else
                {
                    // The component name goes to the event class; the data record takes the name without "Event".
                    var dataName = _typeNames.Claim(TypeNames.EventData(body.Name), pointer, TypeNames.EventDataAlternative(body.Name));
                    _types.Remove(body.Name);
                    dataModel = body with { Name = dataName };
                    _types[dataName] = dataModel;
                }
            }
            classNames.Add(className);
            var payload = dataModel.Properties.FirstOrDefault(p => p.JsonName == "payload")?.Type;
            var doc = operation.Summary ?? SchemaFacts.Summary(media.Schema) ?? dataModel.Doc;
            result.Add(new WebhookEventModel(key, eventType, className, dataModel.Name, payload, doc));
        }
        return result.ToEquatableArray();
    }

    private string? EventTypeValue(ObjectModel model)
    {
        var property = model.Properties.FirstOrDefault(p => p.JsonName == "event_type");
        if (property?.Constant is { } constant) return constant;
        if (property?.Type.Kind == TypeKind.Enum && _types.TryGetValue(property.Type.Name!, out var e) && e is EnumModel em && em.Members.Count == 1)
        {
            return em.Members[0].Value;
        }
        return null;
    }

    /// <summary>Names of the types that some model or operation refers to.</summary>
    private HashSet<string> ReferencedTypeNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Add(TypeRef? t)
        {
            for (; t is not null; t = t.Element)
            {
                if (t.Name is { } n) names.Add(n);
            }
        }
        foreach (var type in _types.Values)
        {
            if (type is ObjectModel o) foreach (var p in o.Properties) Add(p.Type);
            if (type is UnionModel u) foreach (var c in u.Cases) Add(c.Type);
        }
        foreach (var t in _operationRefs) Add(t);
        return names;
    }
}
