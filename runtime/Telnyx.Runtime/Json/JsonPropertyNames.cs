using System;
using System.Buffers;
using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Telnyx.Runtime.Json;

/// <summary>
/// The wire names of one generated model, built once per model, mapping the property name a
/// <see cref="Utf8JsonReader"/> is on to the property's position. Plumbing for generated code: each model keeps one
/// instance in a static field and its <c>ReadJson</c> switches on <see cref="IndexOf(ref Utf8JsonReader)"/>.
/// </summary>
/// <remarks>
/// Names are grouped by UTF-8 length; within a length each name is stored as two 64-bit keys that cover all of its
/// bytes when it is at most 16 bytes long (most API names), so a lookup is one length check and a couple of integer
/// compares, with a byte compare only for the middle of longer names. Instances are immutable and thread-safe.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonPropertyNames
{
    /// <summary>Escaped names (or names split across segments) up to this many raw bytes are unescaped on the stack.</summary>
    private const int StackLimit = 256;

    /// <summary>One name: its keys, its position in the constructor's list, and its bytes (for names over 16 bytes).</summary>
    private readonly struct Entry
    {
        public Entry(ulong head, ulong tail, int index, byte[] utf8)
        {
            Head = head;
            Tail = tail;
            Index = index;
            Utf8 = utf8;
        }

        public ulong Head { get; }
        public ulong Tail { get; }
        public int Index { get; }
        public byte[] Utf8 { get; }
    }

    /// <summary>Entries sorted by (UTF-8 length, index).</summary>
    private readonly Entry[] _entries;

    /// <summary>
    /// <c>_starts[n]</c> .. <c>_starts[n + 1]</c> is the range of <see cref="_entries"/> whose names are n bytes long;
    /// the array has one slot more than the longest name needs.
    /// </summary>
    private readonly int[] _starts;

    /// <summary>Creates the table; <see cref="IndexOf(ref Utf8JsonReader)"/> returns positions in this list.</summary>
    /// <param name="names">The wire names in property order. When a name repeats, the first position wins.</param>
    public JsonPropertyNames(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var entries = new Entry[names.Length];
        var maxLength = 0;
        for (var i = 0; i < names.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(names[i], nameof(names));
            var utf8 = Encoding.UTF8.GetBytes(names[i]);
            Keys(utf8, out var head, out var tail);
            entries[i] = new Entry(head, tail, i, utf8);
            maxLength = Math.Max(maxLength, utf8.Length);
        }
        // Ties go by index, so of two equal names the first is found.
        Array.Sort(entries, static (a, b) => a.Utf8.Length != b.Utf8.Length ? a.Utf8.Length.CompareTo(b.Utf8.Length) : a.Index.CompareTo(b.Index));

        var starts = new int[names.Length == 0 ? 1 : maxLength + 2];
        var next = 0;
        for (var length = 0; length < starts.Length; length++)
        {
            starts[length] = next;
            while (next < entries.Length && entries[next].Utf8.Length == length) next++;
        }
        _entries = entries;
        _starts = starts;
        Count = names.Length;
    }

    /// <summary>How many names the table holds.</summary>
    public int Count { get; }

    /// <summary>
    /// The position of the property name the reader is on, or -1 when it is none of the names. Escaped names and names
    /// split across a <see cref="ReadOnlySequence{T}"/> are compared unescaped. The reader does not move.
    /// </summary>
    /// <exception cref="InvalidOperationException">The reader is not on a property name or string, or an escaped name is not valid UTF-16.</exception>
    public int IndexOf(ref Utf8JsonReader reader)
        => reader.HasValueSequence || reader.ValueIsEscaped ? IndexOfUnescaped(ref reader) : IndexOf(reader.ValueSpan);

    /// <summary>The position of the UTF-8 name, or -1 when it is none of the names.</summary>
    public int IndexOf(ReadOnlySpan<byte> utf8Name)
    {
        var length = utf8Name.Length;
        var starts = _starts;
        // One unsigned compare rejects every length past the longest name; the slot after it exists by construction.
        if ((uint)length >= (uint)(starts.Length - 1)) return -1;
        var start = starts[length];
        var end = starts[length + 1];
        if (start == end) return -1;

        Keys(utf8Name, out var head, out var tail);
        var entries = _entries;
        for (var i = start; i < end; i++)
        {
            ref readonly var entry = ref entries[i];
            if (entry.Head != head || entry.Tail != tail) continue;
            // The keys cover the first and last 8 bytes: only a longer name has a middle left to compare.
            if (length <= 16 || utf8Name.Slice(8, length - 16).SequenceEqual(entry.Utf8.AsSpan(8, length - 16))) return entry.Index;
        }
        return -1;
    }

    /// <summary>The slow path: unescape (or join the segments of) the name, then look it up.</summary>
    private int IndexOfUnescaped(ref Utf8JsonReader reader)
    {
        var raw = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        // Unescaping never lengthens a name, and shortens it at most sixfold ("\u0061" is one byte).
        var longest = _starts.Length - 2;
        if (raw > (reader.ValueIsEscaped ? 6L * longest : longest)) return -1;

        byte[]? rented = null;
        Span<byte> buffer = raw <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent((int)raw));
        try
        {
            var written = reader.CopyString(buffer);
            return IndexOf(buffer.Slice(0, written));
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Two keys that, together with the length, identify a name of up to 16 bytes: the first and the last 8 bytes
    /// (overlapping when shorter than 16); 4 to 7 bytes fit in <paramref name="head"/> as its first and last 4; up
    /// to 3 as bytes. Native byte order on both sides, so the keys only need to agree within one process.
    /// </summary>
    private static void Keys(ReadOnlySpan<byte> name, out ulong head, out ulong tail)
    {
        var length = name.Length;
        if (length >= 8)
        {
            head = MemoryMarshal.Read<ulong>(name);
            tail = MemoryMarshal.Read<ulong>(name.Slice(length - 8));
        }
        else if (length >= 4)
        {
            head = MemoryMarshal.Read<uint>(name) | ((ulong)MemoryMarshal.Read<uint>(name.Slice(length - 4)) << 32);
            tail = 0;
        }
        else
        {
            head = length == 0 ? 0 : name[0] | ((ulong)name[length >> 1] << 8) | ((ulong)name[length - 1] << 16);
            tail = 0;
        }
    }
}
