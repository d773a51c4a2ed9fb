using System.Collections.Generic;
using System.Text;

namespace Telnyx.Generator.Tests.Library;

/// <summary>
/// Writes the analyzer config file MSBuild's GenerateMSBuildEditorConfig task writes
/// (<c>obj/.../*.GeneratedMSBuildEditorConfig.editorconfig</c>): <c>is_global = true</c>, then every
/// CompilerVisibleProperty as <c>build_property.*</c>, then one section per AdditionalFiles item with its
/// CompilerVisibleItemMetadata as <c>build_metadata.AdditionalFiles.*</c>. Values are written raw, as MSBuild does,
/// so the compiler's parser applies its rules to them (it drops a value from the first <c>;</c> or <c>#</c> on).
/// </summary>
internal sealed class MsBuildEditorConfig
{
    /// <summary>Where the library gets the file; the name is MSBuild's, the content makes it global.</summary>
    public const string Path = "/obj/Consumer.GeneratedMSBuildEditorConfig.editorconfig";

    private readonly List<(string Name, string Value)> _properties = new();
    private readonly List<(string File, List<(string Name, string Value)> Metadata)> _items = new();

    public MsBuildEditorConfig Property(string name, string value)
    {
        _properties.Add((name, value));
        return this;
    }

    /// <summary>An AdditionalFiles item; <c>TelnyxSpec = true</c> is added unless the metadata sets it.</summary>
    public MsBuildEditorConfig Spec(string file, params (string Name, string Value)[] metadata)
    {
        var list = new List<(string Name, string Value)>(metadata);
        if (!list.Exists(m => m.Name == "TelnyxSpec")) list.Insert(0, ("TelnyxSpec", "true"));
        _items.Add((file, list));
        return this;
    }

    /// <summary>An AdditionalFiles item with no Telnyx metadata at all.</summary>
    public MsBuildEditorConfig OtherFile(string file, params (string Name, string Value)[] metadata)
    {
        _items.Add((file, new List<(string Name, string Value)>(metadata)));
        return this;
    }

    public (string Path, string Text) ToFile() => (Path, ToString());

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("is_global = true\n");
        foreach (var (name, value) in _properties) text.Append("build_property.").Append(name).Append(" = ").Append(value).Append('\n');
        foreach (var (file, metadata) in _items)
        {
            text.Append('\n').Append('[').Append(file).Append("]\n");
            foreach (var (name, value) in metadata) text.Append("build_metadata.AdditionalFiles.").Append(name).Append(" = ").Append(value).Append('\n');
        }
        return text.ToString();
    }
}
