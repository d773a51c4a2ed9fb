using System.Collections.Generic;

namespace Telnyx.Generator.Naming;

/// <summary>Names the generated code and the runtime use themselves, per scope: no spec name may take them.</summary>
internal static class ReservedNames
{
    /// <summary>Type names of the namespace the SDK is generated into.</summary>
    public static readonly string[] Types =
    {
        "TelnyxClient", "TelnyxWebhookEvent", "UnknownWebhookEvent", "TelnyxWebhooks", "JsonElement", "Object", "String",
        // The receiving surface: the handler, DI, ASP.NET Core and Redis files.
        "TelnyxWebhookHandler", "TelnyxClientServiceCollectionExtensions", "TelnyxEndpointRouteBuilderExtensions",
        "TelnyxRedisWebhooksBuilderExtensions", "TelnyxRedisDeliveryStore",
        // The runtime's namespace: a type Telnyx.Runtime would hide global::Telnyx.Runtime in the default namespace.
        "Runtime",
        // Members every generated type (record, enum struct, union) emits: a type may not share a name with its own
        // member (CS0542).
        "Value", "Raw", "IsKnown", "IsUnknown", "Type", "Data", "Payload", "ReadJson", "WriteJson", "PropertyIndex",
        "ThrowIfInvalid", "EqualityContract", "PrintMembers", "Equals", "GetHashCode", "ToString", "AddTo",
    };

    /// <summary>
    /// Members an object record has besides its properties: what ObjectEmitter writes (ReadJson, PropertyIndex,
    /// WriteJson, ThrowIfInvalid), what the compiler synthesizes for a record, and object's members a property
    /// would hide (CS0108).
    /// </summary>
    public static readonly IReadOnlyCollection<string> ObjectMembers = NameScope.Reserve(
        "EqualityContract", "ReadJson", "WriteJson", "ThrowIfInvalid", "PropertyIndex", "ToString", "Equals",
        "GetHashCode", "Deconstruct", "PrintMembers", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals", "Clone");

    /// <summary>Members EnumEmitter writes beside the known values (and object's, which a static member would hide).</summary>
    public static readonly IReadOnlyCollection<string> EnumMembers = NameScope.Reserve(
        "Value", "IsKnown", "KnownValues", "ReadJson", "WriteJson", "Equals", "GetHashCode", "ToString",
        "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals");

    /// <summary>Members a query parameters record has besides the parameters (it is an object record too).</summary>
    public static readonly string[] QueryRecordMembers = { "PageSize", "AddTo" };

    /// <summary>Besides a method's own parameters, the locals and lambda parameters ClientEmitter declares in its body.</summary>
    public static readonly string[] MethodLocals = { "request", "options", "cancellationToken", "path", "message", "buffer", "writer", "reader", "value" };

    /// <summary>
    /// Members a union emits beside its cases (From/Is/As{Case}): a case "Unknown" would repeat IsUnknown, and a
    /// union named IsString may not have a String case (CS0542).
    /// </summary>
    public static string[] UnionMembers(string unionName)
        => new[] { unionName, "Value", "Raw", "Kind", "Unknown", MemberNames.CaseStem(unionName, "Is"), MemberNames.CaseStem(unionName, "As"), MemberNames.CaseStem(unionName, "From") };

    /// <summary>A resource class holds its child groups as properties: a method may take neither "Actions" nor the class's own name.</summary>
    public static string[] ResourceMembers(string[] resources)
        => resources.Length > 0 ? new[] { "Actions", resources[resources.Length - 1] } : System.Array.Empty<string>();
}
