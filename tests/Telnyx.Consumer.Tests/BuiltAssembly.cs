using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Telnyx.Consumer.Tests;

/// <summary>
/// What a consumer's build produced, read from its dll with System.Reflection.Metadata (nothing is loaded): the
/// methods carrying <c>[TelnyxOperation]</c> and the webhook event records, each with its namespace.
/// </summary>
public sealed class BuiltAssembly
{
    private const string OperationAttribute = "Telnyx.Runtime.Primitives.TelnyxOperationAttribute";

    private BuiltAssembly(List<Operation> operations, List<(string Namespace, string Name)> events, HashSet<string> types)
    {
        Operations = operations;
        Events = events;
        Types = types;
    }

    /// <summary>The full name (<c>Namespace.Name</c>, or <c>Name</c> in the global namespace) of every type that is not nested in another.</summary>
    public IReadOnlySet<string> Types { get; }

    /// <summary>One generated method: the namespace of its resource type and the attribute's arguments.</summary>
    public sealed record Operation(string Namespace, string OperationId, string Method, string Path);

    public IReadOnlyList<Operation> Operations { get; }

    /// <summary>Sealed records deriving from <c>TelnyxWebhookEvent</c>, <c>UnknownWebhookEvent</c> left out.</summary>
    public IReadOnlyList<(string Namespace, string Name)> Events { get; }

    public static BuiltAssembly Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var operations = new List<Operation>();
        var events = new List<(string, string)>();
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            var ns = OuterNamespace(md, type);
            if (type.GetDeclaringType().IsNil) types.Add(ns.Length == 0 ? md.GetString(type.Name) : ns + "." + md.GetString(type.Name));
            foreach (var methodHandle in type.GetMethods())
            {
                foreach (var attributeHandle in md.GetMethodDefinition(methodHandle).GetCustomAttributes())
                {
                    var attribute = md.GetCustomAttribute(attributeHandle);
                    if (AttributeTypeName(md, attribute) != OperationAttribute) continue;
                    var args = attribute.DecodeValue(StringOnlyProvider.Instance).FixedArguments;
                    operations.Add(new Operation(ns, (string)args[0].Value!, (string)args[1].Value!, (string)args[2].Value!));
                }
            }
            var name = md.GetString(type.Name);
            if ((type.Attributes & System.Reflection.TypeAttributes.Sealed) != 0
                && name != "UnknownWebhookEvent"
                && TypeName(md, type.BaseType).EndsWith(".TelnyxWebhookEvent", StringComparison.Ordinal))
            {
                events.Add((ns, name));
            }
        }
        return new BuiltAssembly(operations, events, types);
    }

    public int OperationsIn(string ns) => Operations.Count(o => o.Namespace == ns);

    public int EventsIn(string ns) => Events.Count(e => e.Namespace == ns);

    /// <summary>The namespace of a type, or of the outermost type that nests it.</summary>
    private static string OuterNamespace(MetadataReader md, TypeDefinition type)
    {
        while (type.GetDeclaringType() is { IsNil: false } outer) type = md.GetTypeDefinition(outer);
        return md.GetString(type.Namespace);
    }

    private static string AttributeTypeName(MetadataReader md, CustomAttribute attribute) => attribute.Constructor.Kind switch
    {
        HandleKind.MemberReference => TypeName(md, md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent),
        HandleKind.MethodDefinition => TypeName(md, md.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType()),
        _ => string.Empty,
    };

    private static string TypeName(MetadataReader md, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeReference:
                var reference = md.GetTypeReference((TypeReferenceHandle)handle);
                return md.GetString(reference.Namespace) + "." + md.GetString(reference.Name);
            case HandleKind.TypeDefinition:
                var definition = md.GetTypeDefinition((TypeDefinitionHandle)handle);
                return md.GetString(definition.Namespace) + "." + md.GetString(definition.Name);
            default:
                return string.Empty;
        }
    }

    /// <summary>Decodes attribute arguments; [TelnyxOperation] takes three strings.</summary>
    private sealed class StringOnlyProvider : ICustomAttributeTypeProvider<string>
    {
        public static readonly StringOnlyProvider Instance = new();

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetSystemType() => "System.Type";

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => TypeName(reader, handle);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => TypeName(reader, handle);

        public string GetTypeFromSerializedName(string name) => name;

        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;

        public bool IsSystemType(string type) => type == "System.Type";
    }
}
