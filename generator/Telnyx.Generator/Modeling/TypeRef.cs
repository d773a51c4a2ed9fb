namespace Telnyx.Generator.Modeling;

/// <summary>The shape of a value as the emitters need it: a primitive, a generated type, or a container.</summary>
internal enum TypeKind
{
    String,
    Int32,
    Int64,
    Double,
    Boolean,
    DateTimeOffset,
    /// <summary>Anything the generator cannot type safely: kept as raw JSON (<c>JsonElement</c>).</summary>
    Json,
    /// <summary>A generated object record (reference type).</summary>
    Object,
    /// <summary>A generated open enum (value type).</summary>
    Enum,
    /// <summary>A generated union (reference type).</summary>
    Union,
    Array,
    Map,
}

/// <summary>A reference to a type; <see cref="Name"/> is set for generated types, <see cref="Element"/> for containers.</summary>
internal sealed record TypeRef(TypeKind Kind, string? Name = null, TypeRef? Element = null)
{
    public static readonly TypeRef String = new(TypeKind.String);
    public static readonly TypeRef Int32 = new(TypeKind.Int32);
    public static readonly TypeRef Int64 = new(TypeKind.Int64);
    public static readonly TypeRef Double = new(TypeKind.Double);
    public static readonly TypeRef Boolean = new(TypeKind.Boolean);
    public static readonly TypeRef DateTimeOffset = new(TypeKind.DateTimeOffset);
    public static readonly TypeRef Json = new(TypeKind.Json);

    public static TypeRef Named(TypeKind kind, string name) => new(kind, name);

    public static TypeRef ArrayOf(TypeRef element) => new(TypeKind.Array, null, element);

    public static TypeRef MapOf(TypeRef element) => new(TypeKind.Map, null, element);

    /// <summary>True when the C# type is a value type (needs <c>?</c> to become nullable).</summary>
    public bool IsValueType => Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Boolean
        or TypeKind.DateTimeOffset or TypeKind.Json or TypeKind.Enum;
}
