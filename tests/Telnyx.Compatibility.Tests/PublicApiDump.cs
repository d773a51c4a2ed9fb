using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Telnyx.Compatibility.Tests;

/// <summary>
/// The public surface of generated code, read from Roslyn symbols: for every public type (nested ones too) its
/// declaration line, and one line per public member with its full signature.
/// </summary>
internal static class PublicApiDump
{
    private const SymbolDisplayGenericsOptions Generics = SymbolDisplayGenericsOptions.IncludeTypeParameters
        | SymbolDisplayGenericsOptions.IncludeTypeConstraints | SymbolDisplayGenericsOptions.IncludeVariance;

    private const SymbolDisplayMiscellaneousOptions Misc = SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers
        | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier | SymbolDisplayMiscellaneousOptions.UseSpecialTypes;

    // Fully qualified, with nullable annotations, so "string" and "string?" (or two types of one name in different
    // namespaces) never compare equal.
    private static readonly SymbolDisplayFormat TypeFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Included,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: Generics,
        miscellaneousOptions: Misc);

    private static readonly SymbolDisplayFormat MemberFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Included,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: Generics,
        memberOptions: SymbolDisplayMemberOptions.IncludeAccessibility | SymbolDisplayMemberOptions.IncludeModifiers
                       | SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeParameters
                       | SymbolDisplayMemberOptions.IncludeRef | SymbolDisplayMemberOptions.IncludeConstantValue
                       | SymbolDisplayMemberOptions.IncludeExplicitInterface,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName
                          | SymbolDisplayParameterOptions.IncludeDefaultValue | SymbolDisplayParameterOptions.IncludeParamsRefOut
                          | SymbolDisplayParameterOptions.IncludeExtensionThis | SymbolDisplayParameterOptions.IncludeOptionalBrackets,
        propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
        kindOptions: SymbolDisplayKindOptions.IncludeMemberKeyword,
        miscellaneousOptions: Misc);

    /// <summary>Public type name (fully qualified) -> its declaration and member lines, sorted.</summary>
    public static SortedDictionary<string, List<string>> Of(Compilation compilation, string rootNamespace)
        => Of(compilation.Assembly, rootNamespace);

    /// <summary>The same for any assembly the compilation sees (a referenced dll such as the runtime).</summary>
    public static SortedDictionary<string, List<string>> Of(IAssemblySymbol assembly, string rootNamespace)
    {
        var result = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var root = rootNamespace.Split('.').Aggregate(assembly.GlobalNamespace,
            (ns, part) => ns?.GetNamespaceMembers().FirstOrDefault(n => n.Name == part)!);
        if (root is null) return result;
        foreach (var type in AllTypes(root)) result[type.ToDisplayString(TypeFormat)] = Describe(type);
        return result;
    }

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                foreach (var t in AllTypes(ns)) yield return t;
            }
            else if (member is INamedTypeSymbol type && type.DeclaredAccessibility == Accessibility.Public)
            {
                yield return type;
                foreach (var nested in AllTypes(type)) yield return nested;
            }
        }
    }

    private static List<string> Describe(INamedTypeSymbol type)
    {
        var lines = new List<string> { "type " + Declaration(type) };
        lines.AddRange(Attributes(type).Select(a => "type [" + a + "]"));
        foreach (var member in type.GetMembers())
        {
            if (member.DeclaredAccessibility != Accessibility.Public || member is INamedTypeSymbol) continue;
            // Members the compiler declares (record Equals/Clone, default constructors) follow from the declaration.
            if (member.IsImplicitlyDeclared) continue;
            // Accessors are part of their property's line.
            if (member is IMethodSymbol { AssociatedSymbol: not null }) continue;
            lines.Add(Member(member));
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static string Declaration(INamedTypeSymbol type)
    {
        var kind = type switch
        {
            { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
            { IsRecord: true } => "record",
            { TypeKind: TypeKind.Struct } => "struct",
            { TypeKind: TypeKind.Interface } => "interface",
            { TypeKind: TypeKind.Enum } => "enum",
            { TypeKind: TypeKind.Delegate } => "delegate",
            _ => "class",
        };
        var modifiers = new List<string>();
        if (type.IsStatic) modifiers.Add("static");
        else if (type.IsAbstract && type.TypeKind == TypeKind.Class) modifiers.Add("abstract");
        else if (type.IsSealed && type.TypeKind == TypeKind.Class) modifiers.Add("sealed");
        if (type.IsReadOnly && type.TypeKind == TypeKind.Struct) modifiers.Add("readonly");
        var bases = new List<string>();
        if (type.BaseType is { SpecialType: not (SpecialType.System_Object or SpecialType.System_ValueType or SpecialType.System_Enum) } b)
            bases.Add(b.ToDisplayString(TypeFormat));
        bases.AddRange(type.Interfaces.Select(i => i.ToDisplayString(TypeFormat)).OrderBy(s => s, StringComparer.Ordinal));
        return string.Join(" ", modifiers.Append(kind).Append(type.ToDisplayString(TypeFormat)))
               + (bases.Count == 0 ? "" : " : " + string.Join(", ", bases));
    }

    private static string Member(ISymbol member)
    {
        var parts = new List<string>();
        parts.AddRange(Attributes(member).Select(a => "[" + a + "]"));
        if (member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true }) parts.Add("required");
        parts.Add(member.ToDisplayString(MemberFormat));
        if (member is IPropertySymbol { SetMethod.IsInitOnly: true }) parts.Add("(init)");
        // A static property with an initializer is an enum value: the wire string is part of what the caller gets.
        var initializer = member.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<PropertyDeclarationSyntax>()
            .Select(p => p.Initializer?.Value.ToString()).FirstOrDefault(v => v is not null);
        if (member.IsStatic && initializer is not null) parts.Add("= " + initializer);
        if (member is IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters) parts.AddRange(Attributes(parameter).Select(a => "[param " + parameter.Name + ": " + a + "]"));
        }
        return MemberKind(member) + " " + string.Join(" ", parts);
    }

    private static string MemberKind(ISymbol member) => member switch
    {
        IMethodSymbol { MethodKind: MethodKind.Constructor } => "ctor",
        IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator or MethodKind.Conversion } => "operator",
        IMethodSymbol => "method",
        IPropertySymbol => "property",
        IFieldSymbol => "field",
        IEventSymbol => "event",
        _ => member.Kind.ToString(),
    };

    // Attributes a caller can observe: every declared one except the generator's provenance stamp, which carries
    // nothing about the API.
    private static IEnumerable<string> Attributes(ISymbol symbol) => symbol.GetAttributes()
        .Where(a => a.AttributeClass?.ToDisplayString() != "System.CodeDom.Compiler.GeneratedCodeAttribute" && !IsCompilerEmitted(a))
        .Select(a => a.AttributeClass!.ToDisplayString(TypeFormat) + "(" + string.Join(", ",
            a.ConstructorArguments.Select(Argument).Concat(a.NamedArguments.Select(n => n.Key + " = " + Argument(n.Value)))) + ")")
        .OrderBy(s => s, StringComparer.Ordinal);

    /// <summary>
    /// Attributes the compiler writes into a dll (nullable metadata, async state machines named by ordinal): a
    /// referenced assembly shows them, source does not, and the signatures already carry what they mean.
    /// </summary>
    private static bool IsCompilerEmitted(AttributeData attribute) =>
        attribute.AttributeClass?.ContainingNamespace?.ToDisplayString() == "System.Runtime.CompilerServices"
        || attribute.AttributeClass?.ToDisplayString() == "System.Diagnostics.DebuggerStepThroughAttribute";

    private static string Argument(TypedConstant c) => c.Kind switch
    {
        TypedConstantKind.Array => "[" + string.Join(", ", c.Values.Select(Argument)) + "]",
        TypedConstantKind.Type => "typeof(" + ((ITypeSymbol)c.Value!).ToDisplayString(TypeFormat) + ")",
        _ => c.ToCSharpString(),
    };
}
